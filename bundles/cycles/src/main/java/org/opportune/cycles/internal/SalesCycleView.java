package org.opportune.cycles.internal;

import java.time.Instant;
import java.util.List;

import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleStage;

/** A sales cycle with its stages as the service returns it. */
record SalesCycleView(String code, String description, String probabilityCalculation, boolean blocked,
        boolean probabilityModelAvailable, List<SalesCycleStage> stages, long version, String changedBy,
        Instant changedAt) implements SalesCycle {

    SalesCycleView {
        stages = List.copyOf(stages);
    }

    /** The same cycle saying whether its model is installed now. */
    SalesCycleView withProbabilityModelAvailable(boolean available) {
        return available == probabilityModelAvailable ? this : new SalesCycleView(code, description,
                probabilityCalculation, blocked, available, stages, version, changedBy, changedAt);
    }
}
