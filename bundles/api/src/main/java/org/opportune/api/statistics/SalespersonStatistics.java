package org.opportune.api.statistics;

import java.math.BigDecimal;

/**
 * A salesperson's figures (DOMAIN §8): over every opportunity of the salesperson, closed ones
 * included, with the averages of the estimated and calculated current values (0 when there are
 * none), rounded to two decimals.
 */
public record SalespersonStatistics(String salespersonCode, Figures figures, BigDecimal averageEstimatedValue,
        BigDecimal averageCalculatedCurrentValue) {
}
