package org.opportune.shell.internal.activity;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityService;
import org.opportune.shell.internal.KeyCompleter;

/** Completes activity codes. */
@Service
public class ActivityCodeCompleter extends KeyCompleter {

    @Reference(optional = true)
    private ActivityService activities;

    @Override
    protected List<String> keys(String typed) {
        return available(activities).list(textFilter(typed), firstPageBy("code")).items().stream()
                .map(Activity::code).toList();
    }
}
