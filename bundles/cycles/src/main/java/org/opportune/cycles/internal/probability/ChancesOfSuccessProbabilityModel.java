package org.opportune.cycles.internal.probability;

import java.math.BigDecimal;

import org.opportune.api.probability.ProbabilityModel;
import org.osgi.service.component.annotations.Component;

/** NAV's "chances of success" probability calculation (DOMAIN §4.3): the chances of success as they are. */
@Component(service = ProbabilityModel.class,
        property = ProbabilityModel.NAME_PROPERTY + "=" + ChancesOfSuccessProbabilityModel.NAME)
public class ChancesOfSuccessProbabilityModel implements ProbabilityModel {
    public static final String NAME = "CHANCES_OF_SUCCESS";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BigDecimal probability(BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent) {
        return chancesOfSuccessPercent;
    }

    @Override
    public String description() {
        return "the chances of success as they are";
    }
}
