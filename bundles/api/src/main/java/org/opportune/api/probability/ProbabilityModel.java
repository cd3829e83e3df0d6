package org.opportune.api.probability;

import java.math.BigDecimal;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Computes an opportunity's probability % from the completed % and the chances of success % of
 * its current stage (DOMAIN §4.3). A sales cycle names the model it uses in its
 * {@code probabilityCalculation}; the cycles module brings {@code MULTIPLY}, {@code ADD},
 * {@code CHANCES_OF_SUCCESS} and {@code COMPLETED}.
 * <p>
 * Register an implementation as an OSGi service with the property {@value #NAME_PROPERTY} set to
 * {@link #name()} (the property is the name: a service without it, or whose {@code name()} differs
 * from it ignoring case, is refused, logged and listed with the problem by {@code /api/v1/extensions});
 * it can be used at once and goes out of use when the service goes away (a cycle
 * naming a model that is not installed reads fine but cannot compute, never falls back to another
 * model). When two services carry the same name (compared ignoring case), the one with the higher
 * {@code service.ranking} is used; on equal rankings the one registered first (lower
 * {@code service.id}). A model registered with a higher ranking thus replaces a built-in one.
 * <p>
 * For example, with Declarative Services:
 * <pre>
 * &#64;Component(property = ProbabilityModel.NAME_PROPERTY + "=WEIGHTED")
 * public class WeightedModel implements ProbabilityModel {
 *     public String name() { return "WEIGHTED"; }
 *     public String description() { return "70 % chances, 30 % completed"; }
 *     public BigDecimal probability(BigDecimal completed, BigDecimal chances) {
 *         return chances.multiply(new BigDecimal("0.7")).add(completed.multiply(new BigDecimal("0.3")));
 *     }
 * }
 * </pre>
 */
@ConsumerType
public interface ProbabilityModel {
    /** Service property: the model's name, the value a sales cycle's {@code probabilityCalculation} names. */
    String NAME_PROPERTY = "opportune.probability.model";

    /** @return the name a sales cycle uses to name this model, e.g. {@code MULTIPLY}; UPPER_SNAKE is customary */
    String name();

    /**
     * Computes without rounding; callers round for display only. Divisions should use
     * {@link java.math.MathContext#DECIMAL64}.
     *
     * @param completedPercent        the stage's completed %, 0 to 100, never null
     * @param chancesOfSuccessPercent the chances of success %, 0 to 100, never null
     * @return the probability %, expected between 0 and 100
     */
    BigDecimal probability(BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent);

    /** @return one line for people choosing a model, e.g. "chances × completed / 100" */
    String description();
}
