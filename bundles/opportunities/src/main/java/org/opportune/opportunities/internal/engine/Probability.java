package org.opportune.opportunities.internal.engine;

import java.math.BigDecimal;

/** The probability % of the opportunity's cycle's model; throws UnavailableException when it is missing. */
@FunctionalInterface
public interface Probability {
    BigDecimal of(BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent);
}
