package org.opportune.tasks.internal;

import java.time.LocalDate;

import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskType;

/** A hand-made task's values once checked and defaulted, ready to be written. */
record CheckedTask(TaskType type, String description, LocalDate date, TaskPriority priority, String salespersonCode,
        String contactNo, String opportunityNo) {
}
