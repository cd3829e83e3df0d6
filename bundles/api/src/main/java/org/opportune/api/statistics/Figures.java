package org.opportune.api.statistics;

import java.math.BigDecimal;

/**
 * How many opportunities and the sums of their estimated and calculated current values (DOMAIN §8),
 * taken from each opportunity's active entry. Sums of nothing are zero, never null.
 */
public record Figures(long count, BigDecimal estimatedValue, BigDecimal calculatedCurrentValue) {
    public static final Figures NONE = new Figures(0, BigDecimal.ZERO, BigDecimal.ZERO);

    /** @return these figures and {@code other} together: counts and sums added */
    public Figures plus(Figures other) {
        return new Figures(count + other.count, estimatedValue.add(other.estimatedValue),
                calculatedCurrentValue.add(other.calculatedCurrentValue));
    }
}
