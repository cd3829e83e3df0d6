package org.opportune.api.statistics;

import java.math.BigDecimal;

/**
 * One stage of a sales cycle (DOMAIN §8): the opportunities whose active entry is at the stage, and
 * the average days open of the inactive entries at that stage (0 when there are none), rounded to
 * two decimals. In a total row, {@code stage} is null and every figure is the sum of the rows, computed
 * from their unrounded values and rounded once, so it may differ by 0.01 from adding the rounded rows.
 */
public record StageStatistics(Integer stage, String description, Figures figures, BigDecimal averageDays) {
}
