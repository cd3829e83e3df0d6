package org.opportune.shell.internal.activity;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityService;
import org.opportune.shell.internal.RecordTable;
import org.opportune.shell.internal.TextListCommand;

@Service
@Command(scope = "activity", name = "list", description = "Lists activities, a page at a time")
public class ListActivities extends TextListCommand {

    @Reference(optional = true)
    private ActivityService activities;

    @Override
    protected void run() {
        print(new RecordTable<Activity>()
                .column("Code", Activity::code)
                .column("Description", Activity::description)
                .number("Steps", activity -> activity.steps().size()),
                require(activities, "tasks").list(text, pageRequest()));
    }
}
