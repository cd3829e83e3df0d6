package org.opportune.api.task;

import java.time.LocalDate;

/**
 * Which tasks to list; every filter left null matches all.
 *
 * @param dateFrom on or after this date
 * @param dateTo   on or before this date
 * @param overdue  true: open with a date before today; false: the others
 */
public record TaskQuery(String opportunityNo, String salespersonCode, String contactNo, TaskStatus status,
        LocalDate dateFrom, LocalDate dateTo, Boolean overdue) {
    public static TaskQuery all() {
        return new TaskQuery(null, null, null, null, null, null, null);
    }
}
