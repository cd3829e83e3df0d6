package org.opportune.shell.internal.activity;

import java.time.Instant;
import java.util.List;

import org.opportune.api.task.Activity;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskType;
import org.opportune.shell.internal.Views.ActivityView;
import org.opportune.shell.internal.Views.StepView;

/** The activities the tests start from: one with two steps (a stage names it), one without steps. */
final class Activities {
    static final Instant SET_UP = Instant.parse("2024-01-02T07:59:30Z");

    static final Activity INIT = new ActivityView("INIT", "Initial contact", List.of(
            new StepView(1, TaskType.PHONE_CALL, "Call the buyer", TaskPriority.HIGH, "2D"),
            new StepView(3, TaskType.MEETING, "Present the offer", TaskPriority.NORMAL, null)), 4L, "admin", SET_UP);
    static final Activity WRAP = new ActivityView("WRAP", "Wrap up", List.of(), 1L, null, null);

    private Activities() {
    }

    static FakeActivityService activities() {
        return new FakeActivityService().with(INIT).with(WRAP).withStageNaming("INIT");
    }
}
