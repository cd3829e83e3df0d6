package org.opportune.api.statistics;

import java.math.BigDecimal;

/**
 * How many opportunities and the sums of their estimated and calculated current values (DOMAIN §8),
 * taken from each opportunity's active entry. Sums of nothing are zero, never null. The statistics
 * service returns the sums at the scale amounts are shown with, {@value #AMOUNT_SCALE} decimals,
 * rounded half up once after summing the unrounded values ({@code 6000.00}, never
 * {@code 6000.0000000000}); {@link #plus} adds them as they are. A total, a period folded from days
 * or an average the service returns is rounded once from the unrounded sums, so it may differ by
 * 0.01 from adding rounded figures with {@link #plus}.
 */
public record Figures(long count, BigDecimal estimatedValue, BigDecimal calculatedCurrentValue) {
    /** The decimals of the sums the statistics service returns. */
    public static final int AMOUNT_SCALE = 2;

    public static final Figures NONE = new Figures(0, BigDecimal.ZERO.setScale(AMOUNT_SCALE),
            BigDecimal.ZERO.setScale(AMOUNT_SCALE));

    /** @return these figures and {@code other} together: counts and sums added */
    public Figures plus(Figures other) {
        return new Figures(count + other.count, estimatedValue.add(other.estimatedValue),
                calculatedCurrentValue.add(other.calculatedCurrentValue));
    }
}
