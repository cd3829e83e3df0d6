package org.opportune.rest.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.opportunity.Activation;

/**
 * The {@code activate} of a create: the values to start the opportunity with at its first stage.
 * {@code cancelOpenTasks} is taken as on every move; a new opportunity has no tasks yet, so it changes nothing.
 */
@Schema(name = "Activation")
public record ActivationDto(LocalDate dateOfChange, BigDecimal estimatedValue, BigDecimal chancesOfSuccessPercent,
        LocalDate estimatedCloseDate,
        @Schema(description = "Cancel the opportunity's open tasks before the first stage's tasks are made (DOMAIN"
                + " §10); default false. A new opportunity has none, so either value gives the same result",
                defaultValue = "false") Boolean cancelOpenTasks) {

    public Activation toActivation() {
        return Activation.builder().dateOfChange(dateOfChange).estimatedValue(estimatedValue)
                .chancesOfSuccessPercent(chancesOfSuccessPercent).estimatedCloseDate(estimatedCloseDate).build();
    }
}
