package org.opportune.rest.internal.resources;

import java.util.List;

import org.opportune.api.ValidationException;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleStage;

/**
 * A sales cycle as a client sends it. The same fields as {@link SalesCycle}, except that
 * {@code probabilityModelAvailable} is nullable: it is computed by the server, so a body may leave
 * it out or echo what the server reports, and anything else is a 400 rather than silently ignored
 * (the API record cannot tell an omitted {@code false} from a sent one).
 */
public record SalesCycleBody(String code, String description, String probabilityCalculation, boolean blocked,
        Boolean probabilityModelAvailable, List<SalesCycleStage> stages, Long version) {

    static final String AVAILABLE_FIELD = "probabilityModelAvailable";

    /** The cycle as it is now, ready to be merge-patched; its availability is left out, not echoed. */
    static SalesCycleBody of(SalesCycle cycle) {
        return new SalesCycleBody(cycle.code(), cycle.description(), cycle.probabilityCalculation(), cycle.blocked(),
                null, cycle.stages(), cycle.version());
    }

    /**
     * @throws ValidationException {@code probabilityModelAvailable} is given and is not whether the
     *                             model the body names is installed right now
     */
    SalesCycle toCycle(SalesCycleService cycles) {
        if (probabilityModelAvailable != null) {
            String model = probabilityCalculation == null || probabilityCalculation.isBlank()
                    ? SalesCycle.DEFAULT_PROBABILITY_CALCULATION : probabilityCalculation.trim();
            boolean installed = cycles.probabilityModels().stream()
                    .anyMatch(info -> info.active() && info.name().equalsIgnoreCase(model));
            if (probabilityModelAvailable != installed) {
                throw new ValidationException(AVAILABLE_FIELD, "is owned by the server: probability model " + model
                        + (installed ? " is" : " is not") + " installed right now, so it is " + installed);
            }
        }
        return new SalesCycle(code, description, probabilityCalculation, blocked, false, stages, version);
    }

    SalesCycleBody withStages(List<SalesCycleStage> newStages) {
        return new SalesCycleBody(code, description, probabilityCalculation, blocked, probabilityModelAvailable,
                newStages, version);
    }
}
