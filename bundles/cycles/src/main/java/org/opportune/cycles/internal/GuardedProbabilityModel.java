package org.opportune.cycles.internal;

import java.math.BigDecimal;
import java.util.Objects;

import org.opportune.api.OpportuneException;
import org.opportune.api.UnavailableException;
import org.opportune.api.probability.ProbabilityModel;

/**
 * A model as handed to callers: a model that fails, gives no value or one outside 0–100 is
 * reported as unavailable, so that no wrong number is ever stored.
 */
final class GuardedProbabilityModel implements ProbabilityModel {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ProbabilityModel model;
    private final String name;

    GuardedProbabilityModel(ProbabilityModel model, String name) {
        this.model = model;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return model.description();
    }

    @Override
    public BigDecimal probability(BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent) {
        Objects.requireNonNull(completedPercent, "completedPercent");
        Objects.requireNonNull(chancesOfSuccessPercent, "chancesOfSuccessPercent");
        BigDecimal probability;
        try {
            probability = model.probability(completedPercent, chancesOfSuccessPercent);
        } catch (OpportuneException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnavailableException("probability model " + name + " failed: " + e);
        }
        if (probability == null) {
            throw new UnavailableException("probability model " + name + " gave no value");
        }
        if (probability.signum() < 0 || probability.compareTo(HUNDRED) > 0) {
            throw new UnavailableException("probability model " + name + " gave "
                    + probability.stripTrailingZeros().toPlainString() + " %, outside 0 to 100");
        }
        return probability;
    }
}
