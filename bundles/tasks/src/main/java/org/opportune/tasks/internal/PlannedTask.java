package org.opportune.tasks.internal;

import java.time.LocalDate;

import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskType;

/**
 * A task a move makes, before it has a number.
 *
 * @param step the activity's step it comes from; null for a step-less activity
 */
record PlannedTask(TaskType type, String description, LocalDate date, TaskPriority priority, Integer step) {
}
