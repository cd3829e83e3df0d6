package org.opportune.opportunities.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.OpportunityEntry;

/** An entry of the history as this module hands it out: read from its row, read-only. */
record OpportunityEntryView(long entryNo, String opportunityNo, String salesCycleCode, int stage,
        String stageDescription, Integer previousStage, ActionTaken actionTaken, LocalDate dateOfChange,
        boolean active, int daysOpen, LocalDate dateClosed, BigDecimal estimatedValue,
        BigDecimal calculatedCurrentValue, BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent,
        BigDecimal probabilityPercent, LocalDate estimatedCloseDate, String closeCode, String contactNo,
        String contactCompanyNo, String salespersonCode, String changedBy, Instant changedAt)
        implements OpportunityEntry {
}
