package org.opportune.shell.internal.activity;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityService;
import org.opportune.api.task.ActivityValues;
import org.opportune.shell.internal.OpportuneCommand;

/** Adds an activity without steps; {@code activity:step-add} gives it steps. */
@Service
@Command(scope = "activity", name = "add",
        description = "Adds an activity without steps (activity:step-add adds them)")
public class AddActivity extends OpportuneCommand {

    @Reference(optional = true)
    private ActivityService activities;

    @Argument(index = 0, name = "code", description = "The code, up to 10 characters (stored upper-case)",
            required = true)
    String code;

    @Argument(index = 1, name = "description",
            description = "The description, up to 100 characters (quote it when it has spaces)", required = true)
    String description;

    @Override
    protected void run() {
        Activity added = require(activities, "tasks").create(code, new ActivityValues(description, List.of()));
        System.out.println("Added activity " + added.code());
    }
}
