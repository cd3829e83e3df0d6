package org.opportune.cycles.internal.probability;

import java.math.BigDecimal;

import org.opportune.api.probability.ProbabilityModel;
import org.osgi.service.component.annotations.Component;

/** NAV's "completed" probability calculation (DOMAIN §4.3): the completed % of the stage as it is. */
@Component(service = ProbabilityModel.class,
        property = ProbabilityModel.NAME_PROPERTY + "=" + CompletedProbabilityModel.NAME)
public class CompletedProbabilityModel implements ProbabilityModel {
    public static final String NAME = "COMPLETED";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BigDecimal probability(BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent) {
        return completedPercent;
    }

    @Override
    public String description() {
        return "the completed % of the stage as it is";
    }
}
