package org.opportune.shell.internal.task;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.task.Task;
import org.opportune.api.task.TaskService;

/** Cancels an open task at the version read. */
@Service
@Command(scope = "task", name = "cancel", description = "Cancels an open task; canceled is final")
public class CancelTask extends TaskCommand {

    @Argument(index = 0, name = "no", description = "The task's no.", required = true)
    @Completion(OpenTaskNoCompleter.class)
    String no;

    @Override
    protected void run() {
        TaskService service = tasks();
        Task current = service.get(no);
        Task canceled = service.cancel(current.no(), current.version());
        System.out.println("Task " + canceled.no() + " is " + canceled.status());
    }
}
