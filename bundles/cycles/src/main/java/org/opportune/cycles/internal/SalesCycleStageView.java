package org.opportune.cycles.internal;

import java.math.BigDecimal;
import java.time.Instant;

import org.opportune.api.cycle.SalesCycleStage;

/** A stage as the service returns it. */
record SalesCycleStageView(int stage, String description, BigDecimal completedPercent,
        BigDecimal chancesOfSuccessPercent, String activityCode, Integer maxDaysIdle, boolean quoteRequired,
        boolean allowSkip, String dateFormula, long version, String changedBy, Instant changedAt)
        implements SalesCycleStage {
}
