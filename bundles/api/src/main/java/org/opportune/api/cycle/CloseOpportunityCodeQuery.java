package org.opportune.api.cycle;

import java.util.Objects;

/**
 * Filters of a close opportunity code list; a filter not set means "any". Start from {@link #all()}; each {@code with…} method returns a new query.
 */
public final class CloseOpportunityCodeQuery {
    private static final CloseOpportunityCodeQuery ALL = new CloseOpportunityCodeQuery();

    private String text;
    private CloseOpportunityCodeType type;

    private CloseOpportunityCodeQuery() {
    }

    /** @return every record: no filter set */
    public static CloseOpportunityCodeQuery all() {
        return ALL;
    }

    private CloseOpportunityCodeQuery copy() {
        CloseOpportunityCodeQuery copy = new CloseOpportunityCodeQuery();
        copy.text = text;
        copy.type = type;
        return copy;
    }

    /** @param text code or description contains it, case-insensitive */
    public CloseOpportunityCodeQuery withText(String text) {
        CloseOpportunityCodeQuery query = copy();
        query.text = text;
        return query;
    }

    public CloseOpportunityCodeQuery withType(CloseOpportunityCodeType type) {
        CloseOpportunityCodeQuery query = copy();
        query.type = type;
        return query;
    }

    public String text() {
        return text;
    }

    public CloseOpportunityCodeType type() {
        return type;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CloseOpportunityCodeQuery query && Objects.equals(text, query.text) && Objects.equals(type, query.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, type);
    }

    @Override
    public String toString() {
        return "CloseOpportunityCodeQuery[text=" + text + ", type=" + type + "]";
    }
}
