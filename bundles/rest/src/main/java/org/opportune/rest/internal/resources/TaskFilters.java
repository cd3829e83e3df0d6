package org.opportune.rest.internal.resources;

import java.time.LocalDate;

import org.opportune.api.ValidationException;
import org.opportune.api.task.TaskQuery;
import org.opportune.api.task.TaskStatus;
import org.opportune.rest.internal.http.QueryParameters;

/**
 * The filters of {@code GET /tasks} and {@code GET /opportunities/{no}/tasks}, each typed and checked: a bad value
 * is a 400 naming the filter.
 */
final class TaskFilters {
    /** The descriptions the OpenAPI document gives the filters, the same on both lists. */
    static final String SALESPERSON = "the salesperson the task is for";
    static final String CONTACT = "the contact";
    static final String OPPORTUNITY = "the opportunity";
    static final String STATUS = "OPEN, COMPLETED or CANCELED";
    static final String DATE_FROM = "due on or after";
    static final String DATE_TO = "due on or before";
    static final String OVERDUE = "true: open and due before today; false: the others";

    static final String[] NAMES = { "opportunityNo", "salespersonCode", "contactNo", "status", "dateFrom", "dateTo",
        "overdue" };
    /** The filters of one opportunity's tasks: the opportunity is the path's. */
    static final String[] OF_AN_OPPORTUNITY = { "salespersonCode", "contactNo", "status", "dateFrom", "dateTo",
        "overdue" };

    private TaskFilters() {
    }

    /**
     * @param opportunityNo the opportunity of the path, or null to take the {@code opportunityNo} filter
     * @throws ValidationException a filter's value is not of its type, or the dates are the wrong way round
     */
    static TaskQuery of(QueryParameters parameters, String opportunityNo) {
        LocalDate from = parameters.date("dateFrom");
        LocalDate to = parameters.date("dateTo");
        if (from != null && to != null && to.isBefore(from)) {
            throw new ValidationException("dateTo", "must not be before dateFrom (" + from + ")");
        }
        return new TaskQuery(opportunityNo != null ? opportunityNo : parameters.text("opportunityNo"),
                parameters.text("salespersonCode"), parameters.text("contactNo"),
                parameters.enumValue("status", TaskStatus.class), from, to, parameters.bool("overdue"));
    }
}
