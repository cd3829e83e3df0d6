package org.opportune.tasks.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.opportune.api.task.Task;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskStatus;
import org.opportune.api.task.TaskType;

/** A task as the service returns it. */
record TaskView(String no, TaskType type, String description, LocalDate date, TaskPriority priority,
        TaskStatus status, String salespersonCode, String contactNo, String opportunityNo, Long opportunityEntryNo,
        String activityCode, Integer step, LocalDate dateCompleted, long version, String changedBy,
        Instant changedAt) implements Task {
}
