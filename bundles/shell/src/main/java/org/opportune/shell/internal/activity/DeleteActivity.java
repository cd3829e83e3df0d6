package org.opportune.shell.internal.activity;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityService;

@Service
@Command(scope = "activity", name = "delete",
        description = "Deletes an activity and its steps; refused while a sales cycle stage names it")
public class DeleteActivity extends ActivityCommand {

    @Override
    protected void run() {
        ActivityService service = activities();
        Activity current = service.get(code);
        service.delete(current.code(), current.version());
        System.out.println("Deleted activity " + current.code());
    }
}
