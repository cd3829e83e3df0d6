package org.opportune.api.task;

/**
 * One salesperson's tasks in figures (the {@code tasks-by-salesperson} report).
 *
 * @param open      tasks open now
 * @param overdue   of those, the ones dated before today
 * @param completed tasks completed in the period asked for
 */
public record SalespersonTasks(String salespersonCode, long open, long overdue, long completed) {
}
