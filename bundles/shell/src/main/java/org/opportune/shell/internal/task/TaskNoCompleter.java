package org.opportune.shell.internal.task;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.task.Task;
import org.opportune.api.task.TaskQuery;
import org.opportune.api.task.TaskService;
import org.opportune.shell.internal.KeyCompleter;

/**
 * Completes the numbers of the tasks the login may see. The task list has no text filter, so this offers the
 * first page by number and the shell keeps those that start with what is typed.
 */
@Service
public class TaskNoCompleter extends KeyCompleter {

    @Reference(optional = true)
    private TaskService tasks;

    /** @return the tasks to offer */
    protected TaskQuery query() {
        return TaskQuery.all();
    }

    @Override
    protected List<String> keys(String typed) {
        return available(tasks).list(query(), firstPageBy("no")).items().stream().map(Task::no).toList();
    }
}
