package org.opportune.shell.internal.activity;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.opportune.api.task.ActivityService;
import org.opportune.shell.internal.OpportuneCommand;

/** Base of the commands on one activity, named by its code. */
public abstract class ActivityCommand extends OpportuneCommand {

    @Reference(optional = true)
    private ActivityService activities;

    @Argument(index = 0, name = "code", description = "The activity's code", required = true)
    @Completion(ActivityCodeCompleter.class)
    String code;

    /** @throws org.opportune.api.UnavailableException the tasks module is not running */
    protected ActivityService activities() {
        return require(activities, "tasks");
    }
}
