package org.opportune.cycles.internal;

import java.math.BigDecimal;
import java.util.function.BinaryOperator;

import org.opportune.api.probability.ProbabilityModel;

/** A model for tests: a name and a computation given as a function of (completed, chances). */
class FixedProbabilityModel implements ProbabilityModel {
    private final String name;
    private final BinaryOperator<BigDecimal> computation;

    FixedProbabilityModel(String name, BinaryOperator<BigDecimal> computation) {
        this.name = name;
        this.computation = computation;
    }

    /** Always gives {@code value}. */
    static FixedProbabilityModel constant(String name, String value) {
        return new FixedProbabilityModel(name, (completed, chances) -> value == null ? null : new BigDecimal(value));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BigDecimal probability(BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent) {
        return computation.apply(completedPercent, chancesOfSuccessPercent);
    }

    @Override
    public String description() {
        return "test model " + name;
    }
}
