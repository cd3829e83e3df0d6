package org.opportune.api.cycle;

import java.util.Objects;

/**
 * Filters of a sales cycle list; a filter not set means "any". Start from {@link #all()}; each {@code with…} method returns a new query.
 */
public final class SalesCycleQuery {
    private static final SalesCycleQuery ALL = new SalesCycleQuery();

    private String text;
    private Boolean blocked;

    private SalesCycleQuery() {
    }

    /** @return every record: no filter set */
    public static SalesCycleQuery all() {
        return ALL;
    }

    private SalesCycleQuery copy() {
        SalesCycleQuery copy = new SalesCycleQuery();
        copy.text = text;
        copy.blocked = blocked;
        return copy;
    }

    /** @param text code or description contains it, case-insensitive */
    public SalesCycleQuery withText(String text) {
        SalesCycleQuery query = copy();
        query.text = text;
        return query;
    }

    /** @param blocked only blocked (true) or only not blocked (false) cycles */
    public SalesCycleQuery withBlocked(Boolean blocked) {
        SalesCycleQuery query = copy();
        query.blocked = blocked;
        return query;
    }

    public String text() {
        return text;
    }

    public Boolean blocked() {
        return blocked;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SalesCycleQuery query && Objects.equals(text, query.text) && Objects.equals(blocked, query.blocked);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, blocked);
    }

    @Override
    public String toString() {
        return "SalesCycleQuery[text=" + text + ", blocked=" + blocked + "]";
    }
}
