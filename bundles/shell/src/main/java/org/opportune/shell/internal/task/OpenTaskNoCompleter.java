package org.opportune.shell.internal.task;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.task.TaskQuery;
import org.opportune.api.task.TaskStatus;

/** Completes the numbers of open tasks: only those can be completed or canceled. */
@Service
public class OpenTaskNoCompleter extends TaskNoCompleter {

    @Override
    protected TaskQuery query() {
        return new TaskQuery(null, null, null, TaskStatus.OPEN, null, null, null);
    }
}
