package org.opportune.rest.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.ValidationException;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.rest.internal.json.ShownAmounts;

/**
 * The body of {@code POST /opportunities/{no}/updates} (DOMAIN §5), and the defaults of an update option:
 * every field but {@code action} may be left out and then takes its default.
 */
@Schema(name = "StageUpdate")
public record StageUpdateDto(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) OpportunityAction action,
        Integer stage, LocalDate dateOfChange,
        @JsonSerialize(using = ShownAmounts.Serializer.class) BigDecimal estimatedValue,
        BigDecimal chancesOfSuccessPercent, LocalDate estimatedCloseDate,
        @Schema(description = "Cancel the opportunity's open tasks before the move (DOMAIN §10); default false")
        boolean cancelOpenTasks) {

    public static StageUpdateDto of(StageUpdate update) {
        return update == null ? null : new StageUpdateDto(update.action(), update.stage(), update.dateOfChange(),
                update.estimatedValue(), update.chancesOfSuccessPercent(), update.estimatedCloseDate(),
                update.cancelOpenTasks());
    }

    /** @throws ValidationException the action is missing */
    public StageUpdate toUpdate() {
        if (action == null) {
            throw new ValidationException("action", "is required");
        }
        return StageUpdate.builder(action).stage(stage).dateOfChange(dateOfChange).estimatedValue(estimatedValue)
                .chancesOfSuccessPercent(chancesOfSuccessPercent).estimatedCloseDate(estimatedCloseDate)
                .cancelOpenTasks(cancelOpenTasks).build();
    }
}
