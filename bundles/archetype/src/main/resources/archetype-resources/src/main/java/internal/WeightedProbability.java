package ${package}.internal;

import java.math.BigDecimal;

import org.opportune.api.probability.ProbabilityModel;
import org.osgi.service.component.annotations.Component;

/**
 * A probability model a sales cycle can name: {@code "probabilityCalculation": "WEIGHTED"}. Opportune knows it by
 * its service property; {@link #name()} says the same.
 */
@Component(property = ProbabilityModel.NAME_PROPERTY + "=" + WeightedProbability.NAME)
public class WeightedProbability implements ProbabilityModel {
    static final String NAME = "WEIGHTED";
    private static final BigDecimal CHANCES_WEIGHT = new BigDecimal("0.7");
    private static final BigDecimal COMPLETED_WEIGHT = new BigDecimal("0.3");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "70 % of the chances of success plus 30 % of the completed %";
    }

    @Override
    public BigDecimal probability(BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent) {
        return chancesOfSuccessPercent.multiply(CHANCES_WEIGHT).add(completedPercent.multiply(COMPLETED_WEIGHT));
    }
}
