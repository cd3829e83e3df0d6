package org.opportune.rest.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AccessMode;

import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.cycle.StageValues;

/**
 * A stage of a sales cycle as the API answers it and as a body sends it (DOMAIN §1), alone or in its
 * cycle's {@code stages}. Its {@code version} is the stage's own.
 */
@Schema(name = "SalesCycleStage")
public record StageDto(Integer stage, String description, BigDecimal completedPercent,
        BigDecimal chancesOfSuccessPercent, String activityCode, boolean quoteRequired, boolean allowSkip,
        String dateFormula,
        @Schema(description = "Days an opportunity may stay at this stage (since its active entry's date of"
                + " change) before it is stale (DOMAIN §11): 1 or more, null for no limit", minimum = "1")
        Integer maxDaysIdle,
        @Schema(description = ServerOwned.VERSION, accessMode = AccessMode.READ_ONLY) Long version,
        @Schema(description = ServerOwned.CHANGED_BY, accessMode = AccessMode.READ_ONLY) String changedBy,
        @Schema(description = ServerOwned.CHANGED_AT, accessMode = AccessMode.READ_ONLY) Instant changedAt)
        implements RecordJson<StageDto> {

    public static StageDto of(SalesCycleStage stage) {
        return new StageDto(stage.stage(), stage.description(), stage.completedPercent(),
                stage.chancesOfSuccessPercent(), stage.activityCode(), stage.quoteRequired(), stage.allowSkip(),
                stage.dateFormula(), stage.maxDaysIdle(), stage.version(), stage.changedBy(), stage.changedAt());
    }

    /** @param number the stage's number: the body's when it adds one, the path's when it replaces one */
    public StageValues toValues(Integer number) {
        return StageValues.builder(number).description(description).completedPercent(completedPercent)
                .chancesOfSuccessPercent(chancesOfSuccessPercent).activityCode(activityCode)
                .quoteRequired(quoteRequired).allowSkip(allowSkip).dateFormula(dateFormula).maxDaysIdle(maxDaysIdle)
                .build();
    }
}
