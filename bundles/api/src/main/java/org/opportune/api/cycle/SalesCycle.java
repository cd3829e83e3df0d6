package org.opportune.api.cycle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A sales cycle (DOMAIN §1): the stages an opportunity goes through and the probability model that
 * turns a stage's percentages into a probability. Used both as what a client sends and what the
 * service returns.
 *
 * @param code                      the key, up to 10 characters, stored upper-case
 * @param description               up to 100 characters, may be null
 * @param probabilityCalculation    the name of the probability model (see
 *                                  {@link org.opportune.api.probability.ProbabilityModel}); null or
 *                                  blank on input means {@value #DEFAULT_PROBABILITY_CALCULATION}
 * @param blocked                   a blocked cycle cannot be given to an opportunity; opportunities
 *                                  already on it keep working
 * @param probabilityModelAvailable owned by the server, ignored on input: whether the named model
 *                                  is installed right now
 * @param stages                    the stages in ascending order of their number; on input null
 *                                  means "none" on create and "keep them" on update
 * @param version                   the row version, for optimistic concurrency; owned by the server.
 *                                  It changes with every change of the cycle or one of its stages.
 */
public record SalesCycle(String code, String description, String probabilityCalculation, boolean blocked,
        boolean probabilityModelAvailable, List<SalesCycleStage> stages, Long version) {

    public static final int CODE_LENGTH = 10;
    public static final int DESCRIPTION_LENGTH = 100;
    public static final int PROBABILITY_CALCULATION_LENGTH = 50;
    public static final String DEFAULT_PROBABILITY_CALCULATION = "MULTIPLY";

    public SalesCycle {
        // a copy that tolerates null elements, so that the service can name them as field errors
        stages = stages == null ? null : Collections.unmodifiableList(new ArrayList<>(stages));
    }

    /** The input form: what a client sends on create or update. */
    public SalesCycle(String code, String description, String probabilityCalculation, boolean blocked,
            List<SalesCycleStage> stages) {
        this(code, description, probabilityCalculation, blocked, false, stages, null);
    }

    public SalesCycle withBlocked(boolean newBlocked) {
        return new SalesCycle(code, description, probabilityCalculation, newBlocked, probabilityModelAvailable,
                stages, version);
    }

    public SalesCycle withStages(List<SalesCycleStage> newStages) {
        return new SalesCycle(code, description, probabilityCalculation, blocked, probabilityModelAvailable,
                newStages, version);
    }
}
