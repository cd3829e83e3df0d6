package org.opportune.opportunities.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.opportune.api.statistics.Figures;

/**
 * How many opportunities and the exact sums of their values, as the database adds them up. Sums of
 * sums (a total row, a month folded from its days) and averages are computed from these, and only
 * the result is rounded, once, into {@link Figures} (DOMAIN: no value is rounded while it is computed).
 */
record Sums(long count, BigDecimal estimatedValue, BigDecimal calculatedCurrentValue) {
    static final Sums NONE = new Sums(0, BigDecimal.ZERO, BigDecimal.ZERO);

    Sums plus(Sums other) {
        return new Sums(count + other.count, estimatedValue.add(other.estimatedValue),
                calculatedCurrentValue.add(other.calculatedCurrentValue));
    }

    /**
     * The figures as every report shows amounts (DOMAIN: "amounts are shown with 2 decimals"; the REST
     * layer's {@code ShownAmounts} writes them so): each exact sum rounded once, HALF_UP, to
     * {@value Figures#AMOUNT_SCALE} decimals, so that 6000 comes back as 6000.00 (not with the
     * column's 10 decimals) and three times 0.333 as 1.00 (not 0.99, as rounding each value first would give).
     */
    Figures figures() {
        return new Figures(count, Decimals.shownAmount(estimatedValue), Decimals.shownAmount(calculatedCurrentValue));
    }

    /** @return the average estimated value: the exact sum divided, rounded once as shown; 0.00 for none */
    BigDecimal averageEstimatedValue() {
        return average(estimatedValue);
    }

    /** @return the average calculated current value: the exact sum divided, rounded once as shown; 0.00 for none */
    BigDecimal averageCalculatedCurrentValue() {
        return average(calculatedCurrentValue);
    }

    private BigDecimal average(BigDecimal sum) {
        return count == 0 ? Decimals.shownAmount(BigDecimal.ZERO)
                : sum.divide(BigDecimal.valueOf(count), Figures.AMOUNT_SCALE, RoundingMode.HALF_UP);
    }
}
