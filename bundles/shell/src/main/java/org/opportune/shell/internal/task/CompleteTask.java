package org.opportune.shell.internal.task;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.task.Task;
import org.opportune.api.task.TaskService;
import org.opportune.shell.internal.opportunity.Dates;

/** Completes an open task at the version read, so that a concurrent change is refused rather than lost. */
@Service
@Command(scope = "task", name = "complete", description = "Completes an open task; completed is final")
public class CompleteTask extends TaskCommand {

    @Argument(index = 0, name = "no", description = "The task's no.", required = true)
    @Completion(OpenTaskNoCompleter.class)
    String no;

    @Option(name = "--date", description = "The date it was completed, YYYY-MM-DD (default today)")
    String dateCompleted;

    @Override
    protected void run() {
        LocalDate date = Dates.parse("dateCompleted", dateCompleted);
        TaskService service = tasks();
        Task current = service.get(no);
        Task completed = service.complete(current.no(), date, current.version());
        System.out.println("Task " + completed.no() + " is " + completed.status() + " on "
                + completed.dateCompleted());
    }
}
