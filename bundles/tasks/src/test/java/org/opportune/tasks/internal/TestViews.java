package org.opportune.tasks.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.opportune.api.caller.Caller;
import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactType;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.Move;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.salesperson.Salesperson;

/**
 * The other modules' views as the fakes hand them out: plain values, no rules of their own (those stay in the
 * modules); only what the tasks module reads is set.
 */
final class TestViews {
    private TestViews() {
    }

    record TestSalesperson(String code, String name, String email, String phone, String jobTitle,
            BigDecimal commissionPercent, boolean blocked, String userName, long version, String changedBy,
            Instant changedAt) implements Salesperson {

        TestSalesperson(String code, boolean blocked, String userName) {
            this(code, code, null, null, null, null, blocked, userName, 1L, null, null);
        }
    }

    record TestContact(String no, ContactType type, String name, String companyNo, String companyName,
            String salespersonCode, String email, String phone, String mobilePhone, String jobTitle, Address address,
            long version, String changedBy, Instant changedAt) implements Contact {

        TestContact(String no, String salespersonCode) {
            this(no, ContactType.COMPANY, "Contact " + no, no, "Contact " + no, salespersonCode, null, null, null,
                    null, Address.EMPTY, 1L, null, null);
        }
    }

    /** An opportunity in progress: its number, contact and salesperson are what tasks take from it. */
    record TestOpportunity(String no, String contactNo, String salespersonCode) implements Opportunity {
        @Override
        public String description() {
            return "Opportunity " + no;
        }

        @Override
        public String contactCompanyNo() {
            return contactNo;
        }

        @Override
        public String salesCycleCode() {
            return "STD";
        }

        @Override
        public OpportunityPriority priority() {
            return OpportunityPriority.NORMAL;
        }

        @Override
        public LocalDate creationDate() {
            return LocalDate.of(2025, 1, 1);
        }

        @Override
        public OpportunityStatus status() {
            return OpportunityStatus.IN_PROGRESS;
        }

        @Override
        public boolean closed() {
            return false;
        }

        @Override
        public LocalDate dateClosed() {
            return null;
        }

        @Override
        public Integer currentStage() {
            return 1;
        }

        @Override
        public BigDecimal estimatedValue() {
            return BigDecimal.ZERO;
        }

        @Override
        public BigDecimal chancesOfSuccessPercent() {
            return BigDecimal.ZERO;
        }

        @Override
        public BigDecimal completedPercent() {
            return BigDecimal.ZERO;
        }

        @Override
        public BigDecimal probabilityPercent() {
            return BigDecimal.ZERO;
        }

        @Override
        public BigDecimal calculatedCurrentValue() {
            return BigDecimal.ZERO;
        }

        @Override
        public LocalDate estimatedCloseDate() {
            return null;
        }

        @Override
        public String closeCode() {
            return null;
        }

        @Override
        public SalesQuote salesQuote() {
            return null;
        }

        @Override
        public Integer daysIdle() {
            return 0;
        }

        @Override
        public long version() {
            return 1;
        }

        @Override
        public String changedBy() {
            return null;
        }

        @Override
        public Instant changedAt() {
            return null;
        }
    }

    /** The entry a move wrote: its number, stage, action and date of change are what tasks take from it. */
    record TestEntry(long entryNo, String opportunityNo, int stage, ActionTaken actionTaken, LocalDate dateOfChange)
            implements OpportunityEntry {
        @Override
        public String salesCycleCode() {
            return "STD";
        }

        @Override
        public String stageDescription() {
            return stage == 0 ? null : "Stage " + stage;
        }

        @Override
        public Integer previousStage() {
            return null;
        }

        @Override
        public boolean active() {
            return true;
        }

        @Override
        public int daysOpen() {
            return 0;
        }

        @Override
        public LocalDate dateClosed() {
            return stage == 0 ? dateOfChange : null;
        }

        @Override
        public BigDecimal estimatedValue() {
            return BigDecimal.ZERO;
        }

        @Override
        public BigDecimal calculatedCurrentValue() {
            return BigDecimal.ZERO;
        }

        @Override
        public BigDecimal completedPercent() {
            return BigDecimal.ZERO;
        }

        @Override
        public BigDecimal chancesOfSuccessPercent() {
            return BigDecimal.ZERO;
        }

        @Override
        public BigDecimal probabilityPercent() {
            return BigDecimal.ZERO;
        }

        @Override
        public LocalDate estimatedCloseDate() {
            return null;
        }

        @Override
        public String closeCode() {
            return null;
        }

        @Override
        public String contactNo() {
            return null;
        }

        @Override
        public String contactCompanyNo() {
            return null;
        }

        @Override
        public String salespersonCode() {
            return null;
        }

        @Override
        public String changedBy() {
            return null;
        }

        @Override
        public Instant changedAt() {
            return null;
        }
    }

    record TestMove(Opportunity opportunity, OpportunityEntry entry, Optional<OpportunityAction> action,
            boolean cancelOpenTasks, Optional<String> activityCode, Caller caller) implements Move {
    }
}
