package org.opportune.shell.internal.activity;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.task.TaskType;
import org.opportune.shell.internal.EnumCompleter;

/** Completes a task type from the constants of {@link TaskType}. */
@Service
public class TaskTypeCompleter extends EnumCompleter<TaskType> {

    public TaskTypeCompleter() {
        super(TaskType.class);
    }
}
