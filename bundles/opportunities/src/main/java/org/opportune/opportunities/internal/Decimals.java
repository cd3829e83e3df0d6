package org.opportune.opportunities.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.opportune.api.statistics.Figures;

/** How amounts and percentages are stored and handed out. */
final class Decimals {
    /** Column scale of amounts: far below display precision, so computing stays unrounded in effect. */
    static final int AMOUNT_SCALE = 10;
    /** Column scale of percentages: enough for a product of two 5-decimal percentages and more. */
    static final int PERCENT_SCALE = 16;

    private Decimals() {
    }

    static BigDecimal amount(BigDecimal value) {
        return value == null ? null : value.setScale(AMOUNT_SCALE, RoundingMode.HALF_EVEN);
    }

    static BigDecimal percent(BigDecimal value) {
        return value == null ? null : value.setScale(PERCENT_SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * An amount as shown (DOMAIN: "amounts are shown with 2 decimals"): rounded once, HALF_UP, to
     * {@value Figures#AMOUNT_SCALE} decimals; for final values only, never while computing.
     */
    static BigDecimal shownAmount(BigDecimal value) {
        return value == null ? null : value.setScale(Figures.AMOUNT_SCALE, RoundingMode.HALF_UP);
    }

    /** Without the column's trailing zeros, never in exponent form: 100.0000 gives 100, not 1E+2. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
