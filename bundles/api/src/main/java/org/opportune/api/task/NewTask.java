package org.opportune.api.task;

import java.time.LocalDate;

/**
 * A task made by hand.
 *
 * @param type            required
 * @param description     up to {@value Task#DESCRIPTION_LENGTH} characters, required
 * @param date            required
 * @param priority        null for {@link TaskPriority#NORMAL}
 * @param salespersonCode null for the opportunity's salesperson, else the caller's own (a {@code salesperson}
 *                        caller) or else the contact's; required when none of these gives one
 * @param contactNo       null for the opportunity's contact (or none)
 * @param opportunityNo   null for none
 */
public record NewTask(TaskType type, String description, LocalDate date, TaskPriority priority,
        String salespersonCode, String contactNo, String opportunityNo) {
}
