package org.opportune.api.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.opportune.api.opportunity.OpportunityQuery;

/**
 * Opportunities filtered as an opportunity list is, then grouped and summed by the database:
 * {@code Aggregation.of(OpportunityQuery.all().withClosed(true)).closedBetween(from, to).groupedBy(GroupKey.SALESPERSON)}.
 * Each method returns a new aggregation.
 */
public final class Aggregation {
    private final OpportunityQuery filter;
    private final LocalDate dateClosedFrom;
    private final LocalDate dateClosedTo;
    private final List<GroupKey> groupBy;

    private Aggregation(OpportunityQuery filter, LocalDate dateClosedFrom, LocalDate dateClosedTo,
            List<GroupKey> groupBy) {
        this.filter = filter == null ? OpportunityQuery.all() : filter;
        this.dateClosedFrom = dateClosedFrom;
        this.dateClosedTo = dateClosedTo;
        this.groupBy = List.copyOf(groupBy);
    }

    /** @return the opportunities of {@code filter} (null: all) as one group, with no closing-date bound */
    public static Aggregation of(OpportunityQuery filter) {
        return new Aggregation(filter, null, null, List.of());
    }

    /** Only opportunities closed from {@code from} to {@code to}, both included; either may be null for no bound. */
    public Aggregation closedBetween(LocalDate from, LocalDate to) {
        return new Aggregation(filter, from, to, groupBy);
    }

    /** @param keys the keys, in the order of a {@link Group}'s values; none gives one group */
    public Aggregation groupedBy(GroupKey... keys) {
        return new Aggregation(filter, dateClosedFrom, dateClosedTo, List.of(keys));
    }

    /** @return the list filters, never null */
    public OpportunityQuery filter() {
        return filter;
    }

    public LocalDate dateClosedFrom() {
        return dateClosedFrom;
    }

    public LocalDate dateClosedTo() {
        return dateClosedTo;
    }

    /** @return the keys, in the order of a {@link Group}'s values; empty gives one group */
    public List<GroupKey> groupBy() {
        return groupBy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Aggregation aggregation && filter.equals(aggregation.filter)
                && Objects.equals(dateClosedFrom, aggregation.dateClosedFrom)
                && Objects.equals(dateClosedTo, aggregation.dateClosedTo) && groupBy.equals(aggregation.groupBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filter, dateClosedFrom, dateClosedTo, groupBy);
    }

    @Override
    public String toString() {
        return "Aggregation[" + filter + ", closed " + dateClosedFrom + ".." + dateClosedTo + ", by " + groupBy + "]";
    }
}
