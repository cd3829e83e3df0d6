package org.opportune.api.opportunity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Filters of an opportunity list; a filter not set means "any". Date ranges include both ends. Start from
 * {@link #all()} and narrow it with the {@code with…} methods, each of which returns a new query:
 * {@code OpportunityQuery.all().withStatus(OpportunityStatus.IN_PROGRESS).withSalespersonCode("JO")}.
 */
public final class OpportunityQuery {
    private static final OpportunityQuery ALL = new OpportunityQuery();

    private String text;
    private OpportunityStatus status;
    private Boolean closed;
    private String salespersonCode;
    private String contactNo;
    private String contactCompanyNo;
    private String salesCycleCode;
    private Integer currentStage;
    private OpportunityPriority priority;
    private LocalDate creationDateFrom;
    private LocalDate creationDateTo;
    private LocalDate estimatedCloseDateFrom;
    private LocalDate estimatedCloseDateTo;
    private Boolean stale;

    private OpportunityQuery() {
    }

    /** @return every opportunity: no filter set */
    public static OpportunityQuery all() {
        return ALL;
    }

    private OpportunityQuery copy() {
        OpportunityQuery copy = new OpportunityQuery();
        copy.text = text;
        copy.status = status;
        copy.closed = closed;
        copy.salespersonCode = salespersonCode;
        copy.contactNo = contactNo;
        copy.contactCompanyNo = contactCompanyNo;
        copy.salesCycleCode = salesCycleCode;
        copy.currentStage = currentStage;
        copy.priority = priority;
        copy.creationDateFrom = creationDateFrom;
        copy.creationDateTo = creationDateTo;
        copy.estimatedCloseDateFrom = estimatedCloseDateFrom;
        copy.estimatedCloseDateTo = estimatedCloseDateTo;
        copy.stale = stale;
        return copy;
    }

    /** @param text no. or description contains it, case-insensitive */
    public OpportunityQuery withText(String text) {
        OpportunityQuery query = copy();
        query.text = text;
        return query;
    }

    public OpportunityQuery withStatus(OpportunityStatus status) {
        OpportunityQuery query = copy();
        query.status = status;
        return query;
    }

    /** @param closed true: won or lost only; false: not started or in progress only */
    public OpportunityQuery withClosed(Boolean closed) {
        OpportunityQuery query = copy();
        query.closed = closed;
        return query;
    }

    public OpportunityQuery withSalespersonCode(String salespersonCode) {
        OpportunityQuery query = copy();
        query.salespersonCode = salespersonCode;
        return query;
    }

    public OpportunityQuery withContactNo(String contactNo) {
        OpportunityQuery query = copy();
        query.contactNo = contactNo;
        return query;
    }

    /** @param contactCompanyNo the company of the opportunity's contact (the company itself or its persons) */
    public OpportunityQuery withContactCompanyNo(String contactCompanyNo) {
        OpportunityQuery query = copy();
        query.contactCompanyNo = contactCompanyNo;
        return query;
    }

    public OpportunityQuery withSalesCycleCode(String salesCycleCode) {
        OpportunityQuery query = copy();
        query.salesCycleCode = salesCycleCode;
        return query;
    }

    /** @param currentStage the stage of the active entry; 0 finds closed ones */
    public OpportunityQuery withCurrentStage(Integer currentStage) {
        OpportunityQuery query = copy();
        query.currentStage = currentStage;
        return query;
    }

    public OpportunityQuery withPriority(OpportunityPriority priority) {
        OpportunityQuery query = copy();
        query.priority = priority;
        return query;
    }

    /** Created from {@code from} to {@code to}, both included; either may be null for no bound. */
    public OpportunityQuery withCreationDates(LocalDate from, LocalDate to) {
        OpportunityQuery query = copy();
        query.creationDateFrom = from;
        query.creationDateTo = to;
        return query;
    }

    /** Expected to close from {@code from} to {@code to}, both included; either may be null for no bound. */
    public OpportunityQuery withEstimatedCloseDates(LocalDate from, LocalDate to) {
        OpportunityQuery query = copy();
        query.estimatedCloseDateFrom = from;
        query.estimatedCloseDateTo = to;
        return query;
    }

    public String text() {
        return text;
    }

    public OpportunityStatus status() {
        return status;
    }

    public Boolean closed() {
        return closed;
    }

    public String salespersonCode() {
        return salespersonCode;
    }

    public String contactNo() {
        return contactNo;
    }

    public String contactCompanyNo() {
        return contactCompanyNo;
    }

    public String salesCycleCode() {
        return salesCycleCode;
    }

    public Integer currentStage() {
        return currentStage;
    }

    public OpportunityPriority priority() {
        return priority;
    }

    public LocalDate creationDateFrom() {
        return creationDateFrom;
    }

    public LocalDate creationDateTo() {
        return creationDateTo;
    }

    public LocalDate estimatedCloseDateFrom() {
        return estimatedCloseDateFrom;
    }

    public LocalDate estimatedCloseDateTo() {
        return estimatedCloseDateTo;
    }

    /**
     * @param stale true: only opportunities in progress whose days idle are over their stage's {@code maxDaysIdle}
     *              as of today (DOMAIN §11); false: only those that are not; null: either
     */
    public OpportunityQuery withStale(Boolean stale) {
        OpportunityQuery query = copy();
        query.stale = stale;
        return query;
    }

    public Boolean stale() {
        return stale;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpportunityQuery query && Objects.equals(text, query.text) && status == query.status
                && Objects.equals(closed, query.closed) && Objects.equals(salespersonCode, query.salespersonCode)
                && Objects.equals(contactNo, query.contactNo)
                && Objects.equals(contactCompanyNo, query.contactCompanyNo)
                && Objects.equals(salesCycleCode, query.salesCycleCode)
                && Objects.equals(currentStage, query.currentStage) && priority == query.priority
                && Objects.equals(creationDateFrom, query.creationDateFrom)
                && Objects.equals(creationDateTo, query.creationDateTo)
                && Objects.equals(estimatedCloseDateFrom, query.estimatedCloseDateFrom)
                && Objects.equals(estimatedCloseDateTo, query.estimatedCloseDateTo)
                && Objects.equals(stale, query.stale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, status, closed, salespersonCode, contactNo, contactCompanyNo, salesCycleCode,
                currentStage, priority, creationDateFrom, creationDateTo, estimatedCloseDateFrom, estimatedCloseDateTo,
                stale);
    }

    @Override
    public String toString() {
        return "OpportunityQuery[text=" + text + ", status=" + status + ", closed=" + closed + ", salespersonCode="
                + salespersonCode + ", contactNo=" + contactNo + ", contactCompanyNo=" + contactCompanyNo
                + ", salesCycleCode=" + salesCycleCode + ", currentStage=" + currentStage + ", priority=" + priority
                + ", creationDates=" + creationDateFrom + ".." + creationDateTo + ", estimatedCloseDates="
                + estimatedCloseDateFrom + ".." + estimatedCloseDateTo + ", stale=" + stale + "]";
    }
}
