package org.opportune.rest.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.rest.internal.json.ShownAmounts;

/** One entry of an opportunity's history (DOMAIN §3); {@code changedBy} is who made the move. */
@Schema(name = "OpportunityEntry")
public record EntryDto(long entryNo, String opportunityNo, String salesCycleCode, int stage, String stageDescription,
        Integer previousStage, ActionTaken actionTaken, LocalDate dateOfChange, boolean active, int daysOpen,
        LocalDate dateClosed, @JsonSerialize(using = ShownAmounts.Serializer.class) BigDecimal estimatedValue,
        @JsonSerialize(using = ShownAmounts.Serializer.class) BigDecimal calculatedCurrentValue,
        BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent, BigDecimal probabilityPercent,
        LocalDate estimatedCloseDate, String closeCode, String contactNo, String contactCompanyNo,
        String salespersonCode,
        @Schema(description = "The user name of who made the move (system for the server's own work)")
        String changedBy,
        @Schema(description = "When the move was committed, ISO-8601 in UTC") Instant changedAt) {

    public static EntryDto of(OpportunityEntry e) {
        return new EntryDto(e.entryNo(), e.opportunityNo(), e.salesCycleCode(), e.stage(), e.stageDescription(),
                e.previousStage(), e.actionTaken(), e.dateOfChange(), e.active(), e.daysOpen(), e.dateClosed(),
                e.estimatedValue(), e.calculatedCurrentValue(), e.completedPercent(), e.chancesOfSuccessPercent(),
                e.probabilityPercent(), e.estimatedCloseDate(), e.closeCode(), e.contactNo(), e.contactCompanyNo(),
                e.salespersonCode(), e.changedBy(), e.changedAt());
    }
}
