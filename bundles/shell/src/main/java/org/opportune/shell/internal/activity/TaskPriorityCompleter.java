package org.opportune.shell.internal.activity;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.task.TaskPriority;
import org.opportune.shell.internal.EnumCompleter;

/** Completes a task priority from the constants of {@link TaskPriority}. */
@Service
public class TaskPriorityCompleter extends EnumCompleter<TaskPriority> {

    public TaskPriorityCompleter() {
        super(TaskPriority.class);
    }
}
