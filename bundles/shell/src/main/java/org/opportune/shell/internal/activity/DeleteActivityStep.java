package org.opportune.shell.internal.activity;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityService;

@Service
@Command(scope = "activity", name = "step-delete", description = "Deletes a step of an activity")
public class DeleteActivityStep extends ActivityCommand {

    @Argument(index = 1, name = "step", description = "The step's number", required = true)
    int step;

    @Override
    protected void run() {
        ActivityService service = activities();
        Activity current = service.get(code);
        service.deleteStep(current.code(), step, current.version());
        System.out.println("Deleted step " + step + " of activity " + current.code());
    }
}
