package org.opportune.api.salesperson;

/**
 * Filters of a salesperson list; null means "any".
 *
 * @param text    code or name contains this, case-insensitive
 * @param blocked only blocked or only not blocked salespeople
 */
public record SalespersonQuery(String text, Boolean blocked) {
    public static final SalespersonQuery ALL = new SalespersonQuery(null, null);
}
