package org.opportune.api.statistics;

/**
 * What an {@link Aggregation} groups opportunities by. Each key's value in a {@link Group} has the
 * type named here; opportunities without a value (e.g. no close code) form a group with null.
 */
public enum GroupKey {
    /** String: the salesperson code. */
    SALESPERSON,
    /** String: the sales cycle code. */
    SALES_CYCLE,
    /** String: the contact's company no. (null for persons without a company). */
    CONTACT_COMPANY,
    /** String: the {@link org.opportune.api.opportunity.OpportunityStatus} name. */
    STATUS,
    /** Integer: the stage of the active entry (0 when closed, null when not started). */
    CURRENT_STAGE,
    /** String: the close code. */
    CLOSE_CODE,
    /** LocalDate: the first day of the month of the estimated close date. */
    ESTIMATED_CLOSE_MONTH,
    /** LocalDate: the first day of the quarter of the estimated close date. */
    ESTIMATED_CLOSE_QUARTER,
    /** LocalDate: the first day of the month of the closing date. */
    DATE_CLOSED_MONTH,
    /** LocalDate: the first day of the month of the creation date. */
    CREATION_MONTH
}
