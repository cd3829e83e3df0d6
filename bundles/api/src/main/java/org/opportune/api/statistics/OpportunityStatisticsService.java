package org.opportune.api.statistics;

import java.time.LocalDate;
import java.util.List;

import org.opportune.api.NotFoundException;
import org.opportune.api.UnavailableException;
import org.opportune.api.ValidationException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The figures of DOMAIN §8 and the aggregations reports are built from. Every figure is computed
 * by the database in one or a few queries over indexed columns, so the cost grows with the number
 * of groups, not with the number of opportunities read into memory. Amounts are sums of the
 * unrounded values, rounded half up once to {@link Figures#AMOUNT_SCALE} decimals; averages are
 * computed from the unrounded sums and rounded the same way.
 * <p>
 * Registered by the opportunities module with the service property {@code opportune.module=opportunities}.
 */
@ProviderType
public interface OpportunityStatisticsService {

    /**
     * @param estimatedCloseDateFrom only open opportunities whose estimated close date is on or after (null: any)
     * @param estimatedCloseDateTo   … on or before (null: any)
     * @param asOf                   null for now; else as the history stood at the end of that day
     * @throws NotFoundException    there is no such cycle
     * @throws ValidationException  {@code estimatedCloseDateFrom} is after {@code estimatedCloseDateTo}
     * @throws UnavailableException the cycles module is not running (the stages come from it)
     */
    SalesCycleStatistics salesCycle(String salesCycleCode, LocalDate estimatedCloseDateFrom,
            LocalDate estimatedCloseDateTo, LocalDate asOf);

    /** @throws NotFoundException there is no such salesperson (checked with the salespeople module) */
    SalespersonStatistics salesperson(String salespersonCode);

    /** @throws NotFoundException there is no such contact (checked with the contacts module) */
    ContactStatistics contact(String contactNo);

    /** @throws NotFoundException there is no such opportunity */
    OpportunityStatistics opportunity(String opportunityNo);

    /**
     * @return the groups, ordered by their keys (nulls last)
     * @throws ValidationException a filter or range is invalid (field named as in the list filters)
     */
    List<Group> aggregate(Aggregation aggregation);

    /**
     * {@link #aggregate} and the figures of all its groups together. The provider reads the opportunities once; this
     * default reads them twice.
     *
     * @throws ValidationException a filter or range is invalid (field named as in the list filters)
     * @since 2.1
     */
    default GroupsAndTotal aggregateWithTotal(Aggregation aggregation) {
        return new GroupsAndTotal(aggregate(aggregation), aggregate(aggregation.groupedBy()).get(0).figures());
    }

    /**
     * Several groupings of the same opportunities from one reading of them: what a report showing one selection by
     * several dimensions needs (win-loss: by close code, by salesperson, by cycle and by outcome). Each grouping's
     * groups are those {@link #aggregate} gives for {@code aggregation} grouped by its keys, each amount the exact sum
     * rounded once. The provider reads the opportunities once, grouped by every key asked for, and adds the exact sums
     * up per grouping; this default reads them once per grouping.
     *
     * @param aggregation the opportunities: its filter and closing dates (its own keys are not used)
     * @param groupings   each grouping's keys, in the order of its groups' values; no keys give one group
     * @return per grouping, in the order of {@code groupings}, its groups ordered by their keys (nulls last)
     * @throws ValidationException a filter or range is invalid (field named as in the list filters)
     * @since 2.1
     */
    default List<List<Group>> aggregateEach(Aggregation aggregation, List<List<GroupKey>> groupings) {
        return groupings.stream().map(keys -> aggregate(aggregation.groupedBy(keys.toArray(GroupKey[]::new))))
                .toList();
    }

    /**
     * Per stage of a cycle, in stage order (every stage of the cycle, zeros included), what the
     * entry history says.
     *
     * @param from         only entries written on or after this day (null: since the beginning)
     * @param to           only entries written on or before this day (null: until now) — an as-of date
     * @param withOutcomes whether to count how many of the opportunities are won and lost now (a join with the
     *                     opportunities); without, {@code won} and {@code lost} are 0
     * @throws NotFoundException there is no such cycle
     */
    List<StageActivity> stageActivity(String salesCycleCode, LocalDate from, LocalDate to, boolean withOutcomes);

    /**
     * Counts afresh, from the opportunities and their entries, the figures the provider keeps up to date as it writes
     * (e.g. the opportunities per stage that cycle statistics and the pipeline read): for data that was changed in
     * the database past the services, such as an import. Writes of opportunities wait until it is done. Needs the
     * {@code opportune-admin} role.
     *
     * @return how many groups of figures it counted (e.g. cycle, stage and salesperson); 0 where the provider keeps
     *         none, as this default does
     * @throws org.opportune.api.AccessDeniedException the caller is not an {@code opportune-admin}
     * @since 2.1
     */
    default long recount() {
        return 0;
    }
}
