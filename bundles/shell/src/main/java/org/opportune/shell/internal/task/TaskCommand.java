package org.opportune.shell.internal.task;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.opportune.api.task.TaskService;
import org.opportune.shell.internal.OpportuneCommand;

/**
 * Base of the commands on one task, named by its no. (the subclass declares the argument, with the completer that
 * fits). A {@code salesperson} login sees its own tasks only: another's does not exist for it.
 */
public abstract class TaskCommand extends OpportuneCommand {

    @Reference(optional = true)
    private TaskService tasks;

    /** @throws org.opportune.api.UnavailableException the tasks module is not running */
    protected TaskService tasks() {
        return require(tasks, "tasks");
    }
}
