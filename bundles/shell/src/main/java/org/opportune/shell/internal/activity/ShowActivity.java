package org.opportune.shell.internal.activity;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityStep;
import org.opportune.shell.internal.PropertyTable;
import org.opportune.shell.internal.RecordTable;

@Service
@Command(scope = "activity", name = "show", description = "Shows an activity with its steps")
public class ShowActivity extends ActivityCommand {

    @Override
    protected void run() {
        Activity activity = activities().get(code);
        new PropertyTable()
                .add("Code", activity.code())
                .add("Description", activity.description())
                .add("Version", activity.version())
                .changed(activity)
                .print(System.out);
        System.out.println();
        if (activity.steps().isEmpty()) {
            System.out.println("No steps: a move makes one TODO task with the activity's description");
            return;
        }
        new RecordTable<ActivityStep>()
                .number("Step", ActivityStep::step)
                .column("Type", ActivityStep::type)
                .column("Description", ActivityStep::description)
                .column("Priority", ActivityStep::priority)
                .column("Date Formula", ActivityStep::dateFormula)
                .print(activity.steps(), System.out);
    }
}
