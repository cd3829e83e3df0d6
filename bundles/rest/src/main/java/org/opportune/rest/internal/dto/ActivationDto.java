package org.opportune.rest.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.opportunity.Activation;

/** The {@code activate} of a create: the values to start the opportunity with at its first stage. */
@Schema(name = "Activation")
public record ActivationDto(LocalDate dateOfChange, BigDecimal estimatedValue, BigDecimal chancesOfSuccessPercent,
        LocalDate estimatedCloseDate) {

    public Activation toActivation() {
        return Activation.builder().dateOfChange(dateOfChange).estimatedValue(estimatedValue)
                .chancesOfSuccessPercent(chancesOfSuccessPercent).estimatedCloseDate(estimatedCloseDate).build();
    }
}
