package org.opportune.opportunities.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.SalesQuote;

/** An opportunity as this module hands it out: read from its row, read-only. */
record OpportunityView(String no, String description, String contactNo, String contactCompanyNo,
        String salespersonCode, String salesCycleCode, OpportunityPriority priority, LocalDate creationDate,
        OpportunityStatus status, boolean closed, LocalDate dateClosed, Integer currentStage,
        BigDecimal estimatedValue, BigDecimal chancesOfSuccessPercent, BigDecimal completedPercent,
        BigDecimal probabilityPercent, BigDecimal calculatedCurrentValue, LocalDate estimatedCloseDate,
        String closeCode, SalesQuote salesQuote, Integer daysIdle, long version, String changedBy, Instant changedAt)
        implements Opportunity {
}
