package org.opportune.opportunities.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactType;
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.salesperson.Salesperson;

/**
 * The other modules' views as the fakes hand them out: plain values, no rules of their own (those
 * stay in the modules). Never changed by anyone, so {@code changedBy} and {@code changedAt} are null.
 */
final class TestViews {
    private TestViews() {
    }

    record TestContact(String no, ContactType type, String name, String companyNo, String companyName,
            String salespersonCode, String email, String phone, String mobilePhone, String jobTitle, Address address,
            long version, String changedBy, Instant changedAt) implements Contact {

        TestContact(String no, ContactType type, String name, String companyNo, String companyName,
                String salespersonCode) {
            this(no, type, name, companyNo, companyName, salespersonCode, null, null, null, null, Address.EMPTY, 1L,
                    null, null);
        }
    }

    record TestSalesperson(String code, String name, String email, String phone, String jobTitle,
            BigDecimal commissionPercent, boolean blocked, String userName, long version, String changedBy,
            Instant changedAt) implements Salesperson {

        TestSalesperson(String code, String name, boolean blocked) {
            this(code, name, null, null, null, null, blocked, null, 1L, null, null);
        }
    }

    record TestCycle(String code, String description, String probabilityCalculation, boolean blocked,
            boolean probabilityModelAvailable, List<SalesCycleStage> stages, long version, String changedBy,
            Instant changedAt) implements SalesCycle {

        TestCycle(String code, String description, String probabilityCalculation, boolean blocked,
                boolean probabilityModelAvailable, List<SalesCycleStage> stages) {
            this(code, description, probabilityCalculation, blocked, probabilityModelAvailable, List.copyOf(stages), 1L,
                    null, null);
        }
    }

    record TestStage(int stage, String description, BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent,
            String activityCode, Integer maxDaysIdle, boolean quoteRequired, boolean allowSkip, String dateFormula,
            long version, String changedBy, Instant changedAt) implements SalesCycleStage {

        TestStage(int stage, String description, BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent,
                String activityCode, boolean quoteRequired, boolean allowSkip, String dateFormula) {
            this(stage, description, completedPercent, chancesOfSuccessPercent, activityCode, null, quoteRequired,
                    allowSkip, dateFormula, 1L, null, null);
        }

        /** The stage with this idle limit (DOMAIN §11). */
        TestStage withMaxDaysIdle(Integer days) {
            return new TestStage(stage, description, completedPercent, chancesOfSuccessPercent, activityCode, days,
                    quoteRequired, allowSkip, dateFormula, version, changedBy, changedAt);
        }
    }

    record TestCloseCode(String code, String description, CloseOpportunityCodeType type, long version,
            String changedBy, Instant changedAt) implements CloseOpportunityCode {

        TestCloseCode(String code, String description, CloseOpportunityCodeType type) {
            this(code, description, type, 1L, null, null);
        }
    }
}
