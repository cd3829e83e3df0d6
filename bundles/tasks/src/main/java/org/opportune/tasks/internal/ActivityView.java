package org.opportune.tasks.internal;

import java.time.Instant;
import java.util.List;

import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityStep;

/** An activity with its steps as the service returns it (and the audit log summarises it). */
record ActivityView(String code, String description, List<ActivityStep> steps, long version, String changedBy,
        Instant changedAt) implements Activity {

    ActivityView {
        steps = List.copyOf(steps);
    }
}
