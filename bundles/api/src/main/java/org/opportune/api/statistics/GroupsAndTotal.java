package org.opportune.api.statistics;

import java.util.List;

/**
 * The groups of an {@link Aggregation} and the figures of all of them together, from one reading of the
 * opportunities: what a report with a total row needs.
 *
 * @param groups as {@link OpportunityStatisticsService#aggregate} gives them
 * @param total  the figures of every opportunity the groups count: each amount the exact sum rounded once, as
 *               {@code aggregate} without keys gives it (not the sum of the groups' rounded amounts)
 * @since 2.1
 */
public record GroupsAndTotal(List<Group> groups, Figures total) {

    public GroupsAndTotal {
        groups = List.copyOf(groups);
    }
}
