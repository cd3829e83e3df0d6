package org.opportune.api.opportunity;

import java.time.LocalDate;

/**
 * Filters of an opportunity list; null means "any". Date ranges include both ends. Start from {@link #all()} and
 * narrow it with the {@code with…} methods, each of which returns a new query:
 * {@code OpportunityQuery.all().withStatus(OpportunityStatus.IN_PROGRESS).withSalespersonCode("JO")}.
 *
 * @param text          no. or description contains this, case-insensitive
 * @param currentStage  the stage of the active entry (0 finds closed ones)
 */
public record OpportunityQuery(String text, OpportunityStatus status, Boolean closed, String salespersonCode,
        String contactNo, String contactCompanyNo, String salesCycleCode, Integer currentStage,
        OpportunityPriority priority, LocalDate creationDateFrom, LocalDate creationDateTo,
        LocalDate estimatedCloseDateFrom, LocalDate estimatedCloseDateTo) {

    public static final OpportunityQuery ALL = new OpportunityQuery(null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    /** @return every opportunity: no filter set */
    public static OpportunityQuery all() {
        return ALL;
    }

    /** @param text no. or description contains it, case-insensitive */
    public OpportunityQuery withText(String text) {
        return new OpportunityQuery(text, status, closed, salespersonCode, contactNo, contactCompanyNo,
                salesCycleCode, currentStage, priority, creationDateFrom, creationDateTo, estimatedCloseDateFrom,
                estimatedCloseDateTo);
    }

    public OpportunityQuery withStatus(OpportunityStatus status) {
        return new OpportunityQuery(text, status, closed, salespersonCode, contactNo, contactCompanyNo,
                salesCycleCode, currentStage, priority, creationDateFrom, creationDateTo, estimatedCloseDateFrom,
                estimatedCloseDateTo);
    }

    /** @param closed true: won or lost only; false: not started or in progress only */
    public OpportunityQuery withClosed(Boolean closed) {
        return new OpportunityQuery(text, status, closed, salespersonCode, contactNo, contactCompanyNo,
                salesCycleCode, currentStage, priority, creationDateFrom, creationDateTo, estimatedCloseDateFrom,
                estimatedCloseDateTo);
    }

    public OpportunityQuery withSalespersonCode(String salespersonCode) {
        return new OpportunityQuery(text, status, closed, salespersonCode, contactNo, contactCompanyNo,
                salesCycleCode, currentStage, priority, creationDateFrom, creationDateTo, estimatedCloseDateFrom,
                estimatedCloseDateTo);
    }

    public OpportunityQuery withContactNo(String contactNo) {
        return new OpportunityQuery(text, status, closed, salespersonCode, contactNo, contactCompanyNo,
                salesCycleCode, currentStage, priority, creationDateFrom, creationDateTo, estimatedCloseDateFrom,
                estimatedCloseDateTo);
    }

    /** @param contactCompanyNo the company of the opportunity's contact (the company itself or its persons) */
    public OpportunityQuery withContactCompanyNo(String contactCompanyNo) {
        return new OpportunityQuery(text, status, closed, salespersonCode, contactNo, contactCompanyNo,
                salesCycleCode, currentStage, priority, creationDateFrom, creationDateTo, estimatedCloseDateFrom,
                estimatedCloseDateTo);
    }

    public OpportunityQuery withSalesCycleCode(String salesCycleCode) {
        return new OpportunityQuery(text, status, closed, salespersonCode, contactNo, contactCompanyNo,
                salesCycleCode, currentStage, priority, creationDateFrom, creationDateTo, estimatedCloseDateFrom,
                estimatedCloseDateTo);
    }

    /** @param currentStage the stage of the active entry; 0 finds closed ones */
    public OpportunityQuery withCurrentStage(Integer currentStage) {
        return new OpportunityQuery(text, status, closed, salespersonCode, contactNo, contactCompanyNo,
                salesCycleCode, currentStage, priority, creationDateFrom, creationDateTo, estimatedCloseDateFrom,
                estimatedCloseDateTo);
    }

    public OpportunityQuery withPriority(OpportunityPriority priority) {
        return new OpportunityQuery(text, status, closed, salespersonCode, contactNo, contactCompanyNo,
                salesCycleCode, currentStage, priority, creationDateFrom, creationDateTo, estimatedCloseDateFrom,
                estimatedCloseDateTo);
    }

    /** Created from {@code from} to {@code to}, both included; either may be null for no bound. */
    public OpportunityQuery withCreationDates(LocalDate from, LocalDate to) {
        return new OpportunityQuery(text, status, closed, salespersonCode, contactNo, contactCompanyNo,
                salesCycleCode, currentStage, priority, from, to, estimatedCloseDateFrom, estimatedCloseDateTo);
    }

    /** Expected to close from {@code from} to {@code to}, both included; either may be null for no bound. */
    public OpportunityQuery withEstimatedCloseDates(LocalDate from, LocalDate to) {
        return new OpportunityQuery(text, status, closed, salespersonCode, contactNo, contactCompanyNo,
                salesCycleCode, currentStage, priority, creationDateFrom, creationDateTo, from, to);
    }
}
