package org.opportune.rest.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AccessMode;

import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.rest.internal.json.ShownAmounts;

/**
 * An opportunity as the API answers it (DOMAIN §2); a body sends an {@link OpportunityBody}. The values
 * from {@code currentStage} to {@code closeCode} are those of the active entry; amounts are shown with 2
 * decimals, percentages as computed.
 */
@Schema(name = "Opportunity")
public record OpportunityDto(String no, String description, String contactNo, String contactCompanyNo,
        String salespersonCode, String salesCycleCode, OpportunityPriority priority, LocalDate creationDate,
        OpportunityStatus status, boolean closed, LocalDate dateClosed, Integer currentStage,
        @JsonSerialize(using = ShownAmounts.Serializer.class) BigDecimal estimatedValue,
        BigDecimal chancesOfSuccessPercent, BigDecimal completedPercent, BigDecimal probabilityPercent,
        @JsonSerialize(using = ShownAmounts.Serializer.class) BigDecimal calculatedCurrentValue,
        LocalDate estimatedCloseDate, String closeCode, SalesQuoteDto salesQuote,
        @Schema(description = DAYS_IDLE, accessMode = AccessMode.READ_ONLY) Integer daysIdle,
        @Schema(description = ServerOwned.VERSION + "; it changes with every change, move and close",
                accessMode = AccessMode.READ_ONLY) Long version,
        @Schema(description = ServerOwned.CHANGED_BY, accessMode = AccessMode.READ_ONLY) String changedBy,
        @Schema(description = ServerOwned.CHANGED_AT, accessMode = AccessMode.READ_ONLY) Instant changedAt)
        implements Versioned {
    /** What the OpenAPI document says of {@code daysIdle}. */
    public static final String DAYS_IDLE = "Days since the active entry's date of change, while in progress (DOMAIN"
            + " §11: stale when over the stage's maxDaysIdle); null when not started or closed; read-only";

    public static OpportunityDto of(Opportunity o) {
        return new OpportunityDto(o.no(), o.description(), o.contactNo(), o.contactCompanyNo(), o.salespersonCode(),
                o.salesCycleCode(), o.priority(), o.creationDate(), o.status(), o.closed(), o.dateClosed(),
                o.currentStage(), o.estimatedValue(), o.chancesOfSuccessPercent(), o.completedPercent(),
                o.probabilityPercent(), o.calculatedCurrentValue(), o.estimatedCloseDate(), o.closeCode(),
                SalesQuoteDto.of(o.salesQuote()), o.daysIdle(), o.version(), o.changedBy(), o.changedAt());
    }
}
