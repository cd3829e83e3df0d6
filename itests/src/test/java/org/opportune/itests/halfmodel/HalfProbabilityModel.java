package org.opportune.itests.halfmodel;

import java.math.BigDecimal;
import java.math.MathContext;

import org.opportune.api.probability.ProbabilityModel;

/** A third party's probability model: half the completed %, whatever the chances. */
public class HalfProbabilityModel implements ProbabilityModel {
    public static final String NAME = "HALF";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BigDecimal probability(BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent) {
        return completedPercent.divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
    }

    @Override
    public String description() {
        return "completed / 2";
    }
}
