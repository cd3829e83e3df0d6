package org.opportune.tasks.internal;

import org.opportune.api.task.ActivityStep;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskType;

/** A step as the service returns it; the step number first, so the audit log matches steps by it. */
record ActivityStepView(int step, TaskType type, String description, TaskPriority priority, String dateFormula)
        implements ActivityStep {
}
