package org.opportune.rest.internal.resources;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactType;
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityStep;
import org.opportune.api.task.Task;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskStatus;
import org.opportune.api.task.TaskType;

/**
 * Canned records as the services answer them: small records implementing the API's views, and the ones the
 * tests use. The REST tests check the translation to HTTP only; what a service would decide is what a test
 * makes it answer.
 */
final class Views {
    static final Instant CHANGED_AT = Instant.parse("2024-01-10T09:30:00Z");

    private Views() {
    }

    record SalespersonView(String code, String name, String email, String phone, String jobTitle,
            BigDecimal commissionPercent, boolean blocked, String userName, long version, String changedBy,
            Instant changedAt) implements Salesperson {
    }

    record CloseCodeView(String code, String description, CloseOpportunityCodeType type, long version,
            String changedBy, Instant changedAt) implements CloseOpportunityCode {
    }

    record ContactView(String no, ContactType type, String name, String companyNo, String companyName,
            String salespersonCode, String email, String phone, String mobilePhone, String jobTitle, Address address,
            long version, String changedBy, Instant changedAt) implements Contact {
    }

    record StageView(int stage, String description, BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent,
            String activityCode, boolean quoteRequired, boolean allowSkip, String dateFormula, Integer maxDaysIdle,
            long version, String changedBy, Instant changedAt) implements SalesCycleStage {
    }

    record CycleView(String code, String description, String probabilityCalculation, boolean blocked,
            boolean probabilityModelAvailable, List<SalesCycleStage> stages, long version, String changedBy,
            Instant changedAt) implements SalesCycle {
    }

    record OpportunityView(String no, String description, String contactNo, String contactCompanyNo,
            String salespersonCode, String salesCycleCode, OpportunityPriority priority, LocalDate creationDate,
            OpportunityStatus status, boolean closed, LocalDate dateClosed, Integer currentStage,
            BigDecimal estimatedValue, BigDecimal chancesOfSuccessPercent, BigDecimal completedPercent,
            BigDecimal probabilityPercent, BigDecimal calculatedCurrentValue, LocalDate estimatedCloseDate,
            String closeCode, SalesQuote salesQuote, Integer daysIdle, long version, String changedBy,
            Instant changedAt) implements Opportunity {

        OpportunityView withVersion(long newVersion) {
            return new OpportunityView(no, description, contactNo, contactCompanyNo, salespersonCode, salesCycleCode,
                    priority, creationDate, status, closed, dateClosed, currentStage, estimatedValue,
                    chancesOfSuccessPercent, completedPercent, probabilityPercent, calculatedCurrentValue,
                    estimatedCloseDate, closeCode, salesQuote, daysIdle, newVersion, changedBy, changedAt);
        }

        OpportunityView withQuote(SalesQuote quote) {
            return new OpportunityView(no, description, contactNo, contactCompanyNo, salespersonCode, salesCycleCode,
                    priority, creationDate, status, closed, dateClosed, currentStage, estimatedValue,
                    chancesOfSuccessPercent, completedPercent, probabilityPercent, calculatedCurrentValue,
                    estimatedCloseDate, closeCode, quote, daysIdle, version, changedBy, changedAt);
        }
    }

    record EntryView(long entryNo, String opportunityNo, String salesCycleCode, int stage, String stageDescription,
            Integer previousStage, ActionTaken actionTaken, LocalDate dateOfChange, boolean active, int daysOpen,
            LocalDate dateClosed, BigDecimal estimatedValue, BigDecimal calculatedCurrentValue,
            BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent, BigDecimal probabilityPercent,
            LocalDate estimatedCloseDate, String closeCode, String contactNo, String contactCompanyNo,
            String salespersonCode, String changedBy, Instant changedAt) implements OpportunityEntry {
    }

    record ActivityStepView(int step, TaskType type, String description, TaskPriority priority, String dateFormula)
            implements ActivityStep {
    }

    record ActivityView(String code, String description, List<ActivityStep> steps, long version, String changedBy,
            Instant changedAt) implements Activity {
    }

    record TaskView(String no, TaskType type, String description, LocalDate date, TaskPriority priority,
            TaskStatus status, String salespersonCode, String contactNo, String opportunityNo, Long opportunityEntryNo,
            String activityCode, Integer step, LocalDate dateCompleted, long version, String changedBy,
            Instant changedAt) implements Task {

        TaskView completed(LocalDate on, long newVersion) {
            return new TaskView(no, type, description, date, priority, TaskStatus.COMPLETED, salespersonCode,
                    contactNo, opportunityNo, opportunityEntryNo, activityCode, step, on, newVersion, "jo", changedAt);
        }

        TaskView withDescription(String newDescription, long newVersion) {
            return new TaskView(no, type, newDescription, date, priority, status, salespersonCode, contactNo,
                    opportunityNo, opportunityEntryNo, activityCode, step, dateCompleted, newVersion, "jo", changedAt);
        }
    }

    /** The activity of DOMAIN §10's example: a call in 2 days, then a meeting in a week. */
    static ActivityView init(long version) {
        return new ActivityView("INIT", "Initial contact", List.of(
                new ActivityStepView(1, TaskType.PHONE_CALL, "Call the buyer", TaskPriority.NORMAL, "2D"),
                new ActivityStepView(2, TaskType.MEETING, "Meet the buyer", TaskPriority.HIGH, "1W")), version, "admin",
                CHANGED_AT);
    }

    /** The first task {@link #init}'s step 1 made when OP000001 entered stage 1 (entry 17) on 2024-01-10. */
    static TaskView call(long version) {
        return new TaskView("TK000001", TaskType.PHONE_CALL, "Call the buyer", LocalDate.of(2024, 1, 12),
                TaskPriority.NORMAL, TaskStatus.OPEN, "JO", "CT000002", "OP000001", 17L, "INIT", 1, null, version,
                "jo", CHANGED_AT);
    }

    /** Jo Miller, as created: version 1, by admin. */
    static SalespersonView jo() {
        return jo(1);
    }

    static SalespersonView jo(long version) {
        return new SalespersonView("JO", "Jo Miller", "jo@example.com", null, "Sales", new BigDecimal("2.50"), false,
                "jo", version, "admin", CHANGED_AT);
    }

    static CloseCodeView win1(long version) {
        return new CloseCodeView("WIN1", "Signed", CloseOpportunityCodeType.WON, version, "admin", CHANGED_AT);
    }

    /** Cronus Ltd, a company in Leeds. */
    static ContactView cronus(long version) {
        return new ContactView("CT000001", ContactType.COMPANY, "Cronus Ltd", "CT000001", "Cronus Ltd", "JO", null,
                null, null, null, Address.builder().line1("1 Main St").city("Leeds").countryCode("GB").build(),
                version, "admin", CHANGED_AT);
    }

    /** A stage of DOMAIN §9's cycle. */
    static StageView stage(int stage, String description, int completed, int chances, String formula) {
        return new StageView(stage, description, BigDecimal.valueOf(completed), BigDecimal.valueOf(chances), null,
                false, stage == 2 || stage == 3, formula, null, 1, "admin", CHANGED_AT);
    }

    /** The cycle of DOMAIN §9: four stages. */
    static CycleView std(long version) {
        return new CycleView("STD", "Standard", "MULTIPLY", false, true, List.of(stage(1, "Initial", 10, 20, "5D"),
                stage(2, "Qualified", 30, 40, "10D"), stage(3, "Proposal", 60, 50, "7D"),
                stage(4, "Negotiation", 80, 75, "14D")), version, "admin", CHANGED_AT);
    }

    /** DOMAIN §9 step 1: created and started on 2024-01-10 at stage 1, EV 10000 × 2.5 %. */
    static OpportunityView bigDeal(long version) {
        return new OpportunityView("OP000001", "Big deal", "CT000002", "CT000001", "JO", "STD",
                OpportunityPriority.NORMAL, LocalDate.of(2024, 1, 10), OpportunityStatus.IN_PROGRESS, false, null, 1,
                new BigDecimal("10000"), new BigDecimal("25"), new BigDecimal("10"), new BigDecimal("2.5"),
                new BigDecimal("250"), LocalDate.of(2024, 3, 31), null, null, 5, version, "admin", CHANGED_AT);
    }

    /** The same, not started. */
    static OpportunityView notStarted(long version) {
        return new OpportunityView("OP000001", "Big deal", "CT000002", "CT000001", "JO", "STD",
                OpportunityPriority.NORMAL, LocalDate.of(2024, 1, 10), OpportunityStatus.NOT_STARTED, false, null,
                null, null, null, null, null, null, null, null, null, null, version, "admin", CHANGED_AT);
    }

    /** The first entry of {@link #bigDeal}, written by jo. */
    static EntryView firstEntry() {
        return new EntryView(1, "OP000001", "STD", 1, "Initial", null, ActionTaken.NONE, LocalDate.of(2024, 1, 10),
                false, 10, null, new BigDecimal("10000"), new BigDecimal("250.004"), BigDecimal.TEN,
                new BigDecimal("25"), new BigDecimal("2.5"), LocalDate.of(2024, 3, 31), null, "CT000002",
                "CT000001", "JO", "jo", CHANGED_AT);
    }

    /** A salespeople service that lists nobody: for tests of what every answer has. */
    static SalespersonService listing() {
        SalespersonService service = mock(SalespersonService.class);
        when(service.list(any(), any())).thenReturn(page(List.of()));
        when(service.get(anyString())).thenThrow(new NotFoundException("salesperson", "NOBODY"));
        return service;
    }

    /** The first page of the default size, holding every item. */
    static <T> Page<T> page(List<T> items) {
        return new Page<>(items, items.size(), 0, 50);
    }
}
