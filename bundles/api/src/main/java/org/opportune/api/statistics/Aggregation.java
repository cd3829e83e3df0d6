package org.opportune.api.statistics;

import java.time.LocalDate;
import java.util.List;

import org.opportune.api.opportunity.OpportunityQuery;

/**
 * Opportunities filtered as an opportunity list is, then grouped and summed by the database.
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
}
