package org.opportune.rest.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Closing;

/**
 * The body of {@code POST /opportunities/{no}/close} (DOMAIN §5 "Close"). {@code cancelOpenTasks} left out
 * (or null) cancels the opportunity's open tasks: a closed opportunity has nothing left to do.
 */
@Schema(name = "Closing")
public record ClosingDto(CloseOutcome outcome, String closeCode, LocalDate dateClosed, BigDecimal value,
        @Schema(description = "Cancel the opportunity's open tasks (DOMAIN §10); default true",
                defaultValue = "true") Boolean cancelOpenTasks) {

    public Closing toClosing() {
        return Closing.builder(outcome, closeCode).dateClosed(dateClosed).value(value)
                .cancelOpenTasks(cancelOpenTasks == null || cancelOpenTasks).build();
    }
}
