package org.opportune.shell.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityStep;
import org.opportune.api.task.Task;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskStatus;
import org.opportune.api.task.TaskType;

/**
 * The records the tests' services return: the views of the API are interfaces that the modules
 * implement, so the tests implement them here, once, as plain records.
 */
public final class Views {
    /** When the tests' services commit what they write. */
    public static final Instant COMMITTED = Instant.parse("2024-01-20T09:30:15.250Z");

    private Views() {
    }

    public record SalespersonView(String code, String name, String email, String phone, String jobTitle,
            BigDecimal commissionPercent, boolean blocked, String userName, long version, String changedBy,
            Instant changedAt) implements Salesperson {
    }

    public record ContactView(String no, ContactType type, String name, String companyNo, String companyName,
            String salespersonCode, String email, String phone, String mobilePhone, String jobTitle, Address address,
            long version, String changedBy, Instant changedAt) implements Contact {
    }

    public record SalesCycleView(String code, String description, String probabilityCalculation, boolean blocked,
            boolean probabilityModelAvailable, List<SalesCycleStage> stages, long version, String changedBy,
            Instant changedAt) implements SalesCycle {
    }

    public record StageView(int stage, String description, BigDecimal completedPercent,
            BigDecimal chancesOfSuccessPercent, String activityCode, boolean quoteRequired, boolean allowSkip,
            String dateFormula, Integer maxDaysIdle, long version, String changedBy, Instant changedAt)
            implements SalesCycleStage {
    }

    public record CloseCodeView(String code, String description, CloseOpportunityCodeType type, long version,
            String changedBy, Instant changedAt) implements CloseOpportunityCode {
    }

    public record OpportunityView(String no, String description, String contactNo, String contactCompanyNo,
            String salespersonCode, String salesCycleCode, OpportunityPriority priority, LocalDate creationDate,
            OpportunityStatus status, boolean closed, LocalDate dateClosed, Integer currentStage,
            BigDecimal estimatedValue, BigDecimal chancesOfSuccessPercent, BigDecimal completedPercent,
            BigDecimal probabilityPercent, BigDecimal calculatedCurrentValue, LocalDate estimatedCloseDate,
            String closeCode, SalesQuote salesQuote, long version, String changedBy, Instant changedAt)
            implements Opportunity {
        /** No command shows the days idle. */
        @Override
        public Integer daysIdle() {
            return null;
        }
    }

    public record EntryView(long entryNo, String opportunityNo, String salesCycleCode, int stage,
            String stageDescription, Integer previousStage, ActionTaken actionTaken, LocalDate dateOfChange,
            boolean active, int daysOpen, LocalDate dateClosed, BigDecimal estimatedValue,
            BigDecimal calculatedCurrentValue, BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent,
            BigDecimal probabilityPercent, LocalDate estimatedCloseDate, String closeCode, String contactNo,
            String contactCompanyNo, String salespersonCode, String changedBy, Instant changedAt)
            implements OpportunityEntry {
    }

    public record ActivityView(String code, String description, List<ActivityStep> steps, long version,
            String changedBy, Instant changedAt) implements Activity {
    }

    public record StepView(int step, TaskType type, String description, TaskPriority priority, String dateFormula)
            implements ActivityStep {
    }

    public record TaskView(String no, TaskType type, String description, LocalDate date, TaskPriority priority,
            TaskStatus status, String salespersonCode, String contactNo, String opportunityNo,
            Long opportunityEntryNo, String activityCode, Integer step, LocalDate dateCompleted, long version,
            String changedBy, Instant changedAt) implements Task {
    }
}
