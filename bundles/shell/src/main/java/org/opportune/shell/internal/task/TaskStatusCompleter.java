package org.opportune.shell.internal.task;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.task.TaskStatus;
import org.opportune.shell.internal.EnumCompleter;

/** Completes a task status from the constants of {@link TaskStatus}. */
@Service
public class TaskStatusCompleter extends EnumCompleter<TaskStatus> {

    public TaskStatusCompleter() {
        super(TaskStatus.class);
    }
}
