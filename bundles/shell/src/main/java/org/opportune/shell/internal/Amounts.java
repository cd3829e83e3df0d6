package org.opportune.shell.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as DOMAIN shows them: always 2 decimals; the service returns them unrounded. */
public final class Amounts {

    private Amounts() {
    }

    /** @return the amount with 2 decimals, or empty when absent */
    public static String format(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
