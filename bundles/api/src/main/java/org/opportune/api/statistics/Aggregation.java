package org.opportune.api.statistics;

import java.time.LocalDate;
import java.util.List;

import org.opportune.api.opportunity.OpportunityQuery;

/**
 * Opportunities filtered as an opportunity list is, then grouped and summed by the database:
 * {@code Aggregation.of(OpportunityQuery.all().withClosed(true)).closedBetween(from, to).groupedBy(GroupKey.SALESPERSON)}.
 *
 * @param filter         the list filters; null means all
 * @param dateClosedFrom only opportunities closed on or after this day (null: no bound)
 * @param dateClosedTo   only opportunities closed on or before this day (null: no bound)
 * @param groupBy        the keys, in the order of a {@link Group}'s values; empty gives one group
 */
public record Aggregation(OpportunityQuery filter, LocalDate dateClosedFrom, LocalDate dateClosedTo,
        List<GroupKey> groupBy) {

    public Aggregation {
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
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
}
