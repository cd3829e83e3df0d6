package org.opportune.shell.internal.activity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Violations;
import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityService;
import org.opportune.api.task.ActivityStep;
import org.opportune.api.task.ActivityStepValues;
import org.opportune.api.task.ActivityValues;
import org.opportune.api.task.TaskPriority;
import org.opportune.shell.internal.FakeService;
import org.opportune.shell.internal.Rows;
import org.opportune.shell.internal.Views;
import org.opportune.shell.internal.Views.ActivityView;
import org.opportune.shell.internal.Views.StepView;

/**
 * An in-memory ActivityService, ordered by code, that records the calls the commands make; its checks and messages
 * follow the tasks module, and activities marked named by a stage refuse to be deleted as the cycles module's usage
 * check does.
 */
public final class FakeActivityService extends FakeService<Activity, String> implements ActivityService {

    /** One call that changes an activity: the code, what was sent and the version expected. */
    public record Change(String method, String code, Object sent, Long expectedVersion) {
    }

    private final Set<String> named = new HashSet<>();
    public final List<Change> changes = new ArrayList<>();

    public FakeActivityService() {
        super(new Rows<>("activity", Activity::code, Activity::version), SORT_FIELDS);
    }

    public FakeActivityService with(Activity activity) {
        rows.put(activity);
        return this;
    }

    /** Makes the usage check refuse to delete the activity. */
    public FakeActivityService withStageNaming(String code) {
        named.add(code);
        return this;
    }

    @Override
    protected boolean matches(String text, Activity activity) {
        return Rows.matches(text, activity.code(), activity.description());
    }

    @Override
    public Activity create(String givenCode, ActivityValues values) {
        changes.add(new Change("create", givenCode, values, null));
        new Violations().code("code", givenCode, Activity.CODE_LENGTH)
                .requiredText("description", values.description(), Activity.DESCRIPTION_LENGTH).throwIfAny();
        String code = Rows.key(givenCode);
        if (rows.contains(code)) {
            throw new ConflictException("activity " + code + " exists already",
                    List.of(new FieldError("code", "is taken by an existing activity")));
        }
        return rows.put(new ActivityView(code, values.description(), List.of(), 1L, changedBy(), Views.COMMITTED));
    }

    @Override
    public Activity update(String code, ActivityValues values, Long expectedVersion) {
        throw new UnsupportedOperationException("no command replaces an activity");
    }

    @Override
    public Activity addStep(String code, ActivityStepValues step, Long expectedVersion) {
        changes.add(new Change("addStep", code, step, expectedVersion));
        Activity current = rows.current(code, expectedVersion);
        new Violations().required("type", step.type())
                .requiredText("description", step.description(), ActivityStep.DESCRIPTION_LENGTH).throwIfAny();
        int number = step.step() != null ? step.step()
                : current.steps().stream().mapToInt(ActivityStep::step).max().orElse(0) + 1;
        if (current.steps().stream().anyMatch(existing -> existing.step() == number)) {
            throw new ConflictException("activity " + current.code() + " has a step " + number + " already",
                    List.of(new FieldError("step", "is taken by an existing step")));
        }
        List<ActivityStep> steps = new ArrayList<>(current.steps());
        steps.add(new StepView(number, step.type(), step.description(),
                step.priority() == null ? TaskPriority.NORMAL : step.priority(),
                step.dateFormula() == null ? null : step.dateFormula().toUpperCase(Locale.ROOT)));
        steps.sort(Comparator.comparingInt(ActivityStep::step));
        return rows.put(new ActivityView(current.code(), current.description(), List.copyOf(steps),
                current.version() + 1, changedBy(), Views.COMMITTED));
    }

    @Override
    public Activity deleteStep(String code, int step, Long expectedVersion) {
        changes.add(new Change("deleteStep", code, step, expectedVersion));
        Activity current = rows.current(code, expectedVersion);
        List<ActivityStep> steps = new ArrayList<>(current.steps());
        if (!steps.removeIf(existing -> existing.step() == step)) {
            throw new NotFoundException("step", current.code() + "/" + step);
        }
        return rows.put(new ActivityView(current.code(), current.description(), List.copyOf(steps),
                current.version() + 1, changedBy(), Views.COMMITTED));
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        changes.add(new Change("delete", code, null, expectedVersion));
        Activity current = rows.current(code, expectedVersion);
        if (named.contains(current.code())) {
            throw new ConflictException("activity " + current.code()
                    + " cannot be deleted: sales cycle stage FIRM/1 names it");
        }
        rows.remove(current.code());
    }
}
