package org.opportune.api.cycle;

/**
 * Filters of a close opportunity code list; null means "any".
 *
 * @param text code or description contains this, case-insensitive
 * @param type only codes of this type
 */
public record CloseOpportunityCodeQuery(String text, CloseOpportunityCodeType type) {
    public static final CloseOpportunityCodeQuery ALL = new CloseOpportunityCodeQuery(null, null);
}
