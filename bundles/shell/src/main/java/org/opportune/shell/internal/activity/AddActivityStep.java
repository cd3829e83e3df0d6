package org.opportune.shell.internal.activity;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityService;
import org.opportune.api.task.ActivityStepValues;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskType;
import org.opportune.shell.internal.OptionValues;

/**
 * Adds a step, expecting the activity's version read, so that a concurrent change of the activity is refused.
 * Type and description are options (as in the REST body); the service names either when it is missing.
 */
@Service
@Command(scope = "activity", name = "step-add", description = "Adds a step (one task per move) to an activity")
public class AddActivityStep extends ActivityCommand {

    @Option(name = "--type", description = "TODO, MEETING or PHONE_CALL (required)")
    @Completion(TaskTypeCompleter.class)
    String type;

    @Option(name = "--description", description = "What the task says, up to 100 characters (required)")
    String description;

    @Option(name = "--priority", description = "LOW, NORMAL or HIGH (default NORMAL)")
    @Completion(TaskPriorityCompleter.class)
    String priority;

    @Option(name = "--date-formula",
            description = "The task's date from the move's date of change, e.g. 2D, 1W (default: the same day)")
    String dateFormula;

    @Option(name = "--step", description = "The step's number, 1 or more (default: the last one + 1)")
    Integer step;

    @Override
    protected void run() {
        ActivityStepValues values = new ActivityStepValues(step, OptionValues.oneOf("type", type, TaskType.class),
                description, OptionValues.oneOf("priority", priority, TaskPriority.class), dateFormula);
        ActivityService service = activities();
        Activity current = service.get(code);
        Activity changed = service.addStep(current.code(), values, current.version());
        System.out.println("Activity " + changed.code() + " has " + changed.steps().size() + " step"
                + (changed.steps().size() == 1 ? "" : "s"));
    }
}
