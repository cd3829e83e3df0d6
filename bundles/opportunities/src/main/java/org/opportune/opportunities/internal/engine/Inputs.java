package org.opportune.opportunities.internal.engine;

import java.math.BigDecimal;

import org.opportune.api.Violations;
import org.opportune.api.opportunity.Opportunity;

/** Checks of values a client gives that are invalid in themselves (400), whatever the state. */
public final class Inputs {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Inputs() {
    }

    /** A present amount must be greater than 0, with at most 2 decimals and not too large. */
    public static void positiveAmount(Violations violations, String field, BigDecimal value) {
        if (value == null) {
            return;
        }
        if (value.signum() <= 0) {
            violations.add(field, "must be greater than 0 (got " + value.stripTrailingZeros().toPlainString() + ")");
        } else if (value.compareTo(Opportunity.MAX_AMOUNT) > 0) {
            violations.add(field, "must be at most " + Opportunity.MAX_AMOUNT.toPlainString());
        } else if (value.stripTrailingZeros().scale() > Opportunity.AMOUNT_DECIMALS) {
            violations.add(field, "must have at most " + Opportunity.AMOUNT_DECIMALS + " decimals");
        }
    }

    /** A present chances of success % must be greater than 0 and at most 100, with at most 5 decimals. */
    public static void chances(Violations violations, String field, BigDecimal value) {
        if (value == null) {
            return;
        }
        if (value.signum() <= 0 || value.compareTo(HUNDRED) > 0) {
            violations.add(field, "must be greater than 0 and at most 100 (got "
                    + value.stripTrailingZeros().toPlainString() + ")");
        } else if (value.stripTrailingZeros().scale() > Opportunity.PERCENT_DECIMALS) {
            violations.add(field, "must have at most " + Opportunity.PERCENT_DECIMALS + " decimals");
        }
    }
}
