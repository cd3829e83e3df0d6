package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.UnavailableException;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.Roles;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.statistics.Aggregation;
import org.opportune.api.statistics.Group;
import org.opportune.api.statistics.GroupKey;

/**
 * DOMAIN §11 on a fixed clock: {@code daysIdle} is today − the active entry's date of change while in progress, and
 * {@code stale} is a condition of the query (in progress, idle longer than its stage's {@code maxDaysIdle}), so that
 * paging, totals, the caller's scope and the aggregations stay right.
 * <p>
 * Cycle IDLE: stage 1 max 5, stage 2 no limit, stage 3 max 10; cycle LAZY: stage 1 max 2. All created on JAN_10:
 * {@code atOne} (IDLE 1), {@code atTwo} (IDLE 2), {@code atThree} (IDLE 3), {@code lazy} (LAZY 1, salesperson KIM),
 * {@code closed} (IDLE, lost), {@code notStarted} (IDLE), {@code standard} (STD, no limits).
 */
public class StaleListTest extends OpportunityTestSupport {
    private static final Caller KIM = Caller.user("kim", Set.of(Roles.SALESPERSON));
    private static final OpportunityQuery STALE = OpportunityQuery.all().withStale(true);
    private static final OpportunityQuery NOT_STALE = OpportunityQuery.all().withStale(false);

    private Opportunity atOne;
    private Opportunity atTwo;
    private Opportunity atThree;
    private Opportunity lazy;
    private Opportunity closed;
    private Opportunity notStarted;
    private Opportunity standard;

    @Before
    public void deals() {
        cycles.add("IDLE", "MULTIPLY", false, FakeCycles.idleStage(1, "10", "20", 5),
                FakeCycles.idleStage(2, "30", "40", null), FakeCycles.idleStage(3, "60", "50", 10));
        cycles.add("LAZY", "MULTIPLY", false, FakeCycles.idleStage(1, "10", "20", 2));
        salespeople.link("KIM", "kim");
        atOne = startedOn("IDLE");
        atTwo = next(startedOn("IDLE"), 1);
        atThree = next(startedOn("IDLE"), 2);
        lazy = service.create(newOpportunity(null, "Lazy deal", "CT3", null, "LAZY", null,
                activation(null, d("100"), d("25"), JAN_10.plusMonths(1))));
        closed = service.close(startedOn("IDLE").no(), closing(CloseOutcome.LOST, "PRICE", null, null), null);
        notStarted = service.create(newOpportunity(null, "Later", "CT1", null, "IDLE", null));
        standard = started();
    }

    private Opportunity next(Opportunity opportunity, int times) {
        Opportunity moved = opportunity;
        for (int i = 0; i < times; i++) {
            moved = service.move(moved.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        }
        return moved;
    }

    private List<String> numbers(OpportunityQuery query) {
        return service.list(query, PageRequest.of(0, PageRequest.MAX_LIMIT, null)).items().stream()
                .map(Opportunity::no).toList();
    }

    private static List<String> numbers(Opportunity... opportunities) {
        return List.of(opportunities).stream().map(Opportunity::no).sorted().toList();
    }

    @Test
    public void daysIdleCountsFromTheActiveEntrysDateOfChangeWhileInProgress() {
        assertEquals(Integer.valueOf(0), service.get(atOne.no()).daysIdle());
        clock.set(JAN_10.plusDays(11));
        assertEquals(Integer.valueOf(11), service.get(atOne.no()).daysIdle());
        assertEquals(Integer.valueOf(11), service.get(atTwo.no()).daysIdle());
        assertEquals("shown in lists too", Integer.valueOf(11), service.list(OpportunityQuery.all()
                .withSalesCycleCode("IDLE").withCurrentStage(1), PageRequest.first()).items().get(0).daysIdle());
        assertNull("closed", service.get(closed.no()).daysIdle());
        assertNull("not started", service.get(notStarted.no()).daysIdle());

        Opportunity moved = service.move(atOne.no(), StageUpdate.of(OpportunityAction.UPDATE), null);
        assertEquals("a move starts a new visit", Integer.valueOf(0), moved.daysIdle());
        Opportunity ahead = service.move(atTwo.no(), StageUpdate.builder(OpportunityAction.UPDATE)
                .dateOfChange(clock.today().plusDays(3)).build(), null);
        assertEquals("an entry dated ahead has not been idle", Integer.valueOf(0), ahead.daysIdle());
    }

    @Test
    public void aDealIsStaleOnceItsDaysIdleAreOverItsStagesLimit() {
        assertEquals(List.of(), numbers(STALE));
        clock.set(JAN_10.plusDays(2));
        assertEquals("2 days is LAZY's limit, not over it", List.of(), numbers(STALE));
        clock.set(JAN_10.plusDays(3));
        assertEquals(numbers(lazy), numbers(STALE));
        clock.set(JAN_10.plusDays(5));
        assertEquals(numbers(lazy), numbers(STALE));
        clock.set(JAN_10.plusDays(6));
        assertEquals(numbers(atOne, lazy), numbers(STALE));
        clock.set(JAN_10.plusDays(11));
        assertEquals("stage 2 has no limit, STD none at all; closed and not started ones never are",
                numbers(atOne, atThree, lazy), numbers(STALE));
        assertEquals("false is the complement among all", numbers(atTwo, closed, notStarted, standard),
                numbers(NOT_STALE));

        service.move(atOne.no(), StageUpdate.of(OpportunityAction.UPDATE), null);
        assertEquals("a move ends the visit", numbers(atThree, lazy), numbers(STALE));
    }

    @Test
    public void pagesTotalsOtherFiltersAndTheSalespersonsScopeApply() {
        clock.set(JAN_10.plusDays(11));
        Page<Opportunity> first = service.list(STALE, PageRequest.of(0, 2, "no"));
        assertEquals(3, first.total());
        assertEquals(2, first.items().size());
        assertEquals(1, service.list(STALE, PageRequest.of(2, 2, "no")).items().size());
        assertEquals(4, service.list(NOT_STALE, PageRequest.of(0, 1, null)).total());
        assertEquals(numbers(atOne, atThree), numbers(STALE.withSalesCycleCode("IDLE")));
        assertEquals(numbers(atThree), numbers(STALE.withCurrentStage(3)));

        assertEquals(List.of(lazy.no()), callers.callAs(KIM, () -> numbers(STALE)));
        assertEquals(1L, (long) callers.callAs(KIM, () -> service.list(STALE, PageRequest.first()).total()));
        assertEquals(0L, (long) callers.callAs(KIM, () -> service.list(NOT_STALE, PageRequest.first()).total()));
    }

    @Test
    public void theStatisticsCountStaleDealsPerSalesperson() {
        OpportunityStatisticsServiceImpl statistics = new OpportunityStatisticsServiceImpl(store, modules, callers);
        clock.set(JAN_10.plusDays(11));
        List<Group> groups = statistics.aggregate(Aggregation.of(STALE).groupedBy(GroupKey.SALESPERSON));
        assertEquals(List.of(List.of("JO"), List.of("KIM")), groups.stream().map(Group::keys).toList());
        assertEquals(List.of(2L, 1L), groups.stream().map(group -> group.figures().count()).toList());
        assertEquals(1, callers.callAs(KIM, () -> statistics.aggregate(Aggregation.of(STALE))).get(0).figures()
                .count());
    }

    @Test
    public void theLimitsAreReadWhenAskedAndOnlyThenNeedTheCyclesModule() {
        clock.set(JAN_10.plusDays(4));
        assertEquals(numbers(lazy), numbers(STALE));
        cycles.add("IDLE", "MULTIPLY", false, FakeCycles.idleStage(1, "10", "20", 3),
                FakeCycles.idleStage(2, "30", "40", 1), FakeCycles.idleStage(3, "60", "50", 10));
        assertEquals("a changed limit counts at once", numbers(atOne, atTwo, lazy), numbers(STALE));

        int listed = cycles.listCalls.get();
        numbers(OpportunityQuery.all());
        assertEquals("a list without stale reads no cycle", listed, cycles.listCalls.get());

        modules.cycles = null;
        assertEquals(7, service.list(OpportunityQuery.all(), PageRequest.first()).total());
        assertThrows(UnavailableException.class, () -> service.list(STALE, PageRequest.first()));
        assertThrows(UnavailableException.class, () -> service.list(NOT_STALE, PageRequest.first()));
    }

    @Test
    public void withoutAnyLimitNothingIsStale() {
        cycles.remove("IDLE");
        cycles.remove("LAZY");
        clock.set(JAN_10.plusDays(400));
        assertEquals(List.of(), numbers(STALE));
        assertEquals(7, service.list(NOT_STALE, PageRequest.first()).total());
    }
}
