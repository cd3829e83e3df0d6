package org.opportune.cycles.internal.probability;

import java.math.BigDecimal;
import java.math.MathContext;

import org.opportune.api.probability.ProbabilityModel;
import org.osgi.service.component.annotations.Component;

/** NAV's "multiply" probability calculation (DOMAIN §4.3): chances of success × completed / 100. */
@Component(service = ProbabilityModel.class,
        property = ProbabilityModel.NAME_PROPERTY + "=" + MultiplyProbabilityModel.NAME)
public class MultiplyProbabilityModel implements ProbabilityModel {
    public static final String NAME = "MULTIPLY";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BigDecimal probability(BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent) {
        return chancesOfSuccessPercent.multiply(completedPercent).divide(HUNDRED, MathContext.DECIMAL64);
    }

    @Override
    public String description() {
        return "chances of success × completed / 100";
    }
}
