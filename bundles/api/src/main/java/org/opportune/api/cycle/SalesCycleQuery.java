package org.opportune.api.cycle;

/**
 * Filters of a sales cycle list; null means "any".
 *
 * @param text    code or description contains this, case-insensitive
 * @param blocked only blocked or only not blocked cycles
 */
public record SalesCycleQuery(String text, Boolean blocked) {
    public static final SalesCycleQuery ALL = new SalesCycleQuery(null, null);
}
