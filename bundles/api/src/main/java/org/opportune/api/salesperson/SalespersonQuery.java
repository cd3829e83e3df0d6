package org.opportune.api.salesperson;

import java.util.Objects;

/**
 * Filters of a salesperson list; a filter not set means "any". Start from {@link #all()}; each {@code with…} method returns a new query.
 */
public final class SalespersonQuery {
    private static final SalespersonQuery ALL = new SalespersonQuery();

    private String text;
    private Boolean blocked;

    private SalespersonQuery() {
    }

    /** @return every record: no filter set */
    public static SalespersonQuery all() {
        return ALL;
    }

    private SalespersonQuery copy() {
        SalespersonQuery copy = new SalespersonQuery();
        copy.text = text;
        copy.blocked = blocked;
        return copy;
    }

    /** @param text code or name contains it, case-insensitive */
    public SalespersonQuery withText(String text) {
        SalespersonQuery query = copy();
        query.text = text;
        return query;
    }

    /** @param blocked only blocked (true) or only not blocked (false) salespeople */
    public SalespersonQuery withBlocked(Boolean blocked) {
        SalespersonQuery query = copy();
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
        return other instanceof SalespersonQuery query && Objects.equals(text, query.text) && Objects.equals(blocked, query.blocked);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, blocked);
    }

    @Override
    public String toString() {
        return "SalespersonQuery[text=" + text + ", blocked=" + blocked + "]";
    }
}
