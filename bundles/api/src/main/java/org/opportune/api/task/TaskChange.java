package org.opportune.api.task;

import java.time.LocalDate;

/**
 * What may change on an open task; a null field keeps its value.
 *
 * @param salespersonCode another salesperson takes the task over (only {@code opportune-admin} and
 *                        {@code sales-manager} may give a task to someone else)
 */
public record TaskChange(String description, LocalDate date, TaskPriority priority, String salespersonCode) {
}
