package org.opportune.cycles.internal.probability;

import java.math.BigDecimal;
import java.math.MathContext;

import org.opportune.api.probability.ProbabilityModel;
import org.osgi.service.component.annotations.Component;

/** NAV's "add" probability calculation (DOMAIN §4.3): (chances of success + completed) / 2. */
@Component(service = ProbabilityModel.class,
        property = ProbabilityModel.NAME_PROPERTY + "=" + AddProbabilityModel.NAME)
public class AddProbabilityModel implements ProbabilityModel {
    public static final String NAME = "ADD";
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BigDecimal probability(BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent) {
        return chancesOfSuccessPercent.add(completedPercent).divide(TWO, MathContext.DECIMAL64);
    }

    @Override
    public String description() {
        return "(chances of success + completed) / 2";
    }
}
