package org.opportune.shell.internal.task;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.task.Task;
import org.opportune.shell.internal.PropertyTable;

@Service
@Command(scope = "task", name = "show", description = "Shows a task")
public class ShowTask extends TaskCommand {

    @Argument(index = 0, name = "no", description = "The task's no.", required = true)
    @Completion(TaskNoCompleter.class)
    String no;

    @Override
    protected void run() {
        Task task = tasks().get(no);
        new PropertyTable()
                .add("No.", task.no())
                .add("Type", task.type())
                .add("Description", task.description())
                .add("Date", task.date())
                .add("Priority", task.priority())
                .add("Status", task.status())
                .add("Date Completed", task.dateCompleted())
                .add("Salesperson", task.salespersonCode())
                .add("Contact", task.contactNo())
                .add("Opportunity", task.opportunityNo())
                .add("Entry No.", task.opportunityEntryNo())
                .add("Activity", task.activityCode())
                .add("Step", task.step())
                .add("Version", task.version())
                .changed(task)
                .print(System.out);
    }
}
