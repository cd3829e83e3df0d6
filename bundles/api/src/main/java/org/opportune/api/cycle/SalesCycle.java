package org.opportune.api.cycle;

import java.util.List;

import org.opportune.api.Audited;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A sales cycle (DOMAIN §1) as the service returns it, read-only: the stages an opportunity goes
 * through and the probability model that turns a stage's percentages into a probability. Callers
 * give {@link SalesCycleValues}.
 */
@ProviderType
public interface SalesCycle extends Audited {
    int CODE_LENGTH = 10;
    int DESCRIPTION_LENGTH = 100;
    int PROBABILITY_CALCULATION_LENGTH = 50;
    String DEFAULT_PROBABILITY_CALCULATION = "MULTIPLY";

    /** @return the key, up to 10 characters, upper-case */
    String code();

    String description();

    /** @return the name of the probability model (see {@link org.opportune.api.probability.ProbabilityModel}) */
    String probabilityCalculation();

    /** @return a blocked cycle cannot be given to an opportunity; opportunities already on it keep working */
    boolean blocked();

    /** @return whether the named model is installed right now */
    boolean probabilityModelAvailable();

    /** @return the stages in ascending order of their number */
    List<SalesCycleStage> stages();

    /** @return the row version for optimistic concurrency; it changes with every change of the cycle or one of its stages */
    long version();
}
