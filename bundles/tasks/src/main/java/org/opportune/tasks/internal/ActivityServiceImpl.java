package org.opportune.tasks.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.criteria.Predicate;

import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.opportune.api.Violations;
import org.opportune.api.caller.CallerContext;
import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityService;
import org.opportune.api.task.ActivityStepValues;
import org.opportune.api.task.ActivityValues;
import org.opportune.persistence.AdminOnly;
import org.opportune.persistence.ChangeStamp;
import org.opportune.persistence.CodedRecords;
import org.opportune.persistence.JpaUnit;
import org.opportune.persistence.Listing;
import org.opportune.persistence.UsageChecks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.LoggerFactory;

/**
 * Activities (DOMAIN §10): setup that every role reads and {@code opportune-admin} changes. A change of a step is a
 * change of its activity: the activity's version rises, it carries the step's stamp, and its audit line names the
 * step.
 */
@Component(immediate = true, service = ActivityService.class, property = "opportune.module=tasks")
public class ActivityServiceImpl implements ActivityService {
    private static final String RESOURCE = "activity";
    private static final String STEP_RESOURCE = "activity step";
    private static final Listing<ActivityEntity> LISTING = new Listing<>(ActivityEntity.class,
            Map.of("code", "code", "description", "description"), "code");

    private final JpaUnit jpa;
    private final CallerContext callers;
    private final CodedRecords<ActivityEntity, ActivityView> activities;
    private final UsageChecks usageChecks = new UsageChecks(LoggerFactory.getLogger(ActivityServiceImpl.class)::warn);

    @Activate
    public ActivityServiceImpl(@Reference TasksDatabase database, @Reference CallerContext callers) {
        this.jpa = database.jpa();
        this.callers = callers;
        this.activities = new CodedRecords<>(jpa, callers, ActivityEntity.class, RESOURCE, Activity.CODE_LENGTH,
                ActivityEntity::new, (em, entity) -> entity.toView(stepsOf(em, entity.code())));
    }

    /** Checks come and go at runtime (the cycles module's names the stages); see {@link UsageChecks}. */
    @Reference(service = UsageCheck.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, updated = "updatedUsageCheck",
            target = "(" + UsageCheck.RESOURCE + "=" + UsageResources.ACTIVITY + ")")
    void addUsageCheck(UsageCheck check, Map<String, Object> properties) {
        usageChecks.add(check, properties);
    }

    void updatedUsageCheck(UsageCheck check, Map<String, Object> properties) {
        usageChecks.update(check, properties);
    }

    void removeUsageCheck(UsageCheck check, Map<String, Object> properties) {
        usageChecks.remove(check);
    }

    @Override
    public Activity create(String code, ActivityValues values) {
        AdminOnly.require(callers.current(), "creating an activity");
        ActivityValues input = values == null ? new ActivityValues(null, null) : values;
        return activities.create(code, violations -> {
            violations.requiredText("description", input.description(), Activity.DESCRIPTION_LENGTH);
            Map<Integer, CheckedStep> steps = CheckedStep.checkAll(violations, input.steps());
            return (em, activity, stamp) -> {
                activity.describe(input.description());
                // the activity's row first: its steps' foreign key needs it, and EclipseLink does not know of it
                em.persist(stamp.on(activity));
                em.flush();
                steps.values().forEach(step -> addStep(em, activity.code(), step));
            };
        });
    }

    @Override
    public Optional<Activity> find(String code) {
        return activities.find(code).map(Activity.class::cast);
    }

    @Override
    public Activity get(String code) {
        return activities.get(code);
    }

    @Override
    public Page<Activity> list(String text, PageRequest page) {
        return jpa.read(em -> {
            Page<ActivityEntity> entities = LISTING.page(em, (cb, root) -> {
                List<Predicate> where = new ArrayList<>();
                if (text != null && !text.isBlank()) {
                    where.add(Listing.containsIgnoreCase(cb, root, text.trim(), "code", "description"));
                }
                return where;
            }, page);
            // the steps of the whole page in one query
            Map<String, List<ActivityStepEntity>> steps = stepsOf(em,
                    entities.items().stream().map(ActivityEntity::code).toList());
            return entities.map(entity -> entity.toView(steps.getOrDefault(entity.code(), List.of())));
        });
    }

    @Override
    public Activity update(String code, ActivityValues values, Long expectedVersion) {
        AdminOnly.require(callers.current(), "changing an activity");
        ActivityValues input = values == null ? new ActivityValues(null, null) : values;
        return activities.update(code, expectedVersion, violations -> {
            violations.requiredText("description", input.description(), Activity.DESCRIPTION_LENGTH);
            Map<Integer, CheckedStep> steps = CheckedStep.checkAll(violations, input.steps());
            return (em, activity, stamp) -> {
                activity.describe(input.description());
                if (replaceSteps(em, activity.code(), steps)) {
                    stepChanged(em, activity, stamp);
                }
            };
        });
    }

    @Override
    public Activity addStep(String code, ActivityStepValues step, Long expectedVersion) {
        AdminOnly.require(callers.current(), "changing an activity");
        ActivityStepValues input = step == null ? new ActivityStepValues(null, null, null, null, null) : step;
        return activities.update(code, expectedVersion, unused -> (em, activity, stamp) -> {
            List<ActivityStepEntity> existing = stepsOf(em, activity.code());
            Integer number = input.step() != null ? input.step()
                    : existing.isEmpty() ? 1 : existing.get(existing.size() - 1).step() + 1;
            Violations violations = new Violations();
            CheckedStep checked = CheckedStep.check(violations, "", input, number);
            violations.throwIfAny();
            if (existing.stream().anyMatch(taken -> taken.step() == checked.step())) {
                throw new ConflictException("activity " + activity.code() + " has a step " + checked.step()
                        + " already", List.of(new FieldError("step", "is taken by an existing step of activity "
                                + activity.code())));
            }
            addStep(em, activity.code(), checked);
            stepChanged(em, activity, stamp);
        });
    }

    @Override
    public Activity deleteStep(String code, int step, Long expectedVersion) {
        AdminOnly.require(callers.current(), "changing an activity");
        return activities.update(code, expectedVersion, unused -> (em, activity, stamp) -> {
            ActivityStepKey key = new ActivityStepKey(activity.code(), step);
            ActivityStepEntity found = em.find(ActivityStepEntity.class, key);
            if (found == null) {
                throw new NotFoundException(STEP_RESOURCE, key.toString());
            }
            em.remove(found);
            stepChanged(em, activity, stamp);
        });
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        AdminOnly.require(callers.current(), "deleting an activity");
        // the database deletes the steps with the activity (ON DELETE CASCADE)
        activities.delete(code, expectedVersion, usageChecks);
    }

    /**
     * Gives the activity exactly the steps given: changes those it keeps in place, deletes those it loses, adds the
     * new ones.
     *
     * @return whether a step changed
     */
    private static boolean replaceSteps(EntityManager em, String code, Map<Integer, CheckedStep> given) {
        Map<Integer, CheckedStep> added = new HashMap<>(given);
        boolean changed = false;
        for (ActivityStepEntity existing : stepsOf(em, code)) {
            CheckedStep values = added.remove(existing.step());
            if (values == null) {
                em.remove(existing);
                changed = true;
            } else {
                changed |= existing.apply(values);
            }
        }
        added.values().forEach(step -> addStep(em, code, step));
        return changed || !added.isEmpty();
    }

    private static void addStep(EntityManager em, String code, CheckedStep values) {
        ActivityStepEntity step = new ActivityStepEntity(code, values.step());
        step.apply(values);
        em.persist(step);
    }

    /** A change of a step is a change of its activity: the activity's version rises and it carries the stamp. */
    private static void stepChanged(EntityManager em, ActivityEntity activity, ChangeStamp stamp) {
        em.lock(stamp.on(activity), LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    private static List<ActivityStepEntity> stepsOf(EntityManager em, String code) {
        return em.createQuery("SELECT s FROM ActivityStepEntity s WHERE s.activityCode = :code ORDER BY s.step",
                ActivityStepEntity.class).setParameter("code", code).getResultList();
    }

    private static Map<String, List<ActivityStepEntity>> stepsOf(EntityManager em, List<String> codes) {
        Map<String, List<ActivityStepEntity>> steps = new HashMap<>();
        if (!codes.isEmpty()) {
            em.createQuery("SELECT s FROM ActivityStepEntity s WHERE s.activityCode IN :codes"
                    + " ORDER BY s.activityCode, s.step", ActivityStepEntity.class).setParameter("codes", codes)
                    .getResultList()
                    .forEach(step -> steps.computeIfAbsent(step.activityCode(), c -> new ArrayList<>()).add(step));
        }
        return steps;
    }
}
