package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.opportune.api.UnavailableException;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.Roles;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityEvents;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.persistence.SchemaMigrations;
import org.osgi.service.event.Event;

/**
 * DOMAIN §11: the STALE event is posted once per deal and stage visit, whatever the nodes and restarts. Node A
 * watches through {@link #store}, node B through a persistence unit of its own (its own EclipseLink session, as
 * another JVM has) on the same database; the notice row in the database decides who posts.
 * <p>
 * Cycle IDLE: stage 1 max 5 days, stage 2 max 3 days. Watches are built with a schedule far off and asked to look.
 */
public class StaleDealsWatchTest extends OpportunityTestSupport {
    private static final Duration LATER = Duration.ofHours(1);

    private static OpportunityStore nodeBStore;

    private final List<StaleDealsWatch> watches = new ArrayList<>();
    private StaleDealsWatch nodeA;
    private StaleDealsWatch nodeB;

    @BeforeClass
    public static void startNodeB() {
        // another DataSource object on the same database: EclipseLink builds a second session
        EmbeddedDataSource nodeBConnections = new EmbeddedDataSource();
        nodeBConnections.setDatabaseName(dataSource.getDatabaseName());
        nodeBStore = new OpportunityStore(nodeBConnections, new SchemaMigrations(), sharing);
    }

    @AfterClass
    public static void stopNodeB() {
        nodeBStore.close();
    }

    @Before
    public void watches() {
        cycles.add("IDLE", "MULTIPLY", false, FakeCycles.idleStage(1, "10", "20", 5),
                FakeCycles.idleStage(2, "30", "40", 3));
        nodeA = watch(store, LATER);
        nodeB = watch(nodeBStore, LATER);
    }

    @After
    public void stopWatches() {
        watches.forEach(StaleDealsWatch::stop);
    }

    private StaleDealsWatch watch(OpportunityStore on, Duration firstLook) {
        StaleDealsWatch watch = new StaleDealsWatch(new StaleDeals(on, modules), callers, LATER, firstLook);
        watches.add(watch);
        return watch;
    }

    private List<Event> staleEvents() {
        return eventAdmin.posted.stream().filter(event -> event.getTopic().equals(OpportunityEvents.STALE)).toList();
    }

    private static int notices(String no) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection
                .prepareStatement("SELECT COUNT(*) FROM OPPORTUNITY_STALE_NOTICE WHERE OPPORTUNITY_NO = ?")) {
            statement.setString(1, no);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    @Test
    public void aVisitIsPostedOnceWithItsFiguresWhicheverNodeLooks() {
        Opportunity deal = startedOn("IDLE");
        clock.set(JAN_10.plusDays(5));
        assertEquals("5 idle days are the limit, not over it", List.of(), nodeA.look());
        clock.set(JAN_10.plusDays(6));
        assertEquals(List.of(deal.no()), nodeB.look());
        assertEquals(List.of(), nodeA.look());
        assertEquals(List.of(), nodeB.look());
        clock.set(JAN_10.plusDays(9));
        assertEquals("still the same visit", List.of(), nodeA.look());

        assertEquals(1, staleEvents().size());
        Event event = staleEvents().get(0);
        assertEquals(deal.no(), event.getProperty(OpportunityEvents.OPPORTUNITY_NO));
        assertEquals(6, event.getProperty(OpportunityEvents.DAYS_IDLE));
        assertEquals(5, event.getProperty(OpportunityEvents.MAX_DAYS_IDLE));
        assertEquals(lastEntry(deal.no()).entryNo(), event.getProperty(OpportunityEvents.ENTRY_NO));
        assertEquals("2024-01-10", event.getProperty(OpportunityEvents.DATE_OF_CHANGE));
        assertEquals("IN_PROGRESS", event.getProperty(OpportunityEvents.STATUS));
        assertEquals("JO", event.getProperty(OpportunityEvents.SALESPERSON_CODE));
        assertEquals("IDLE", event.getProperty(OpportunityEvents.SALES_CYCLE_CODE));
        assertEquals("CT1", event.getProperty(OpportunityEvents.CONTACT_NO));
        assertEquals(deal.version(), event.getProperty(OpportunityEvents.VERSION));
        assertNumber("10000", (BigDecimal) event.getProperty(OpportunityEvents.ESTIMATED_VALUE));
        assertEquals("the server's own work", "system", event.getProperty(OpportunityEvents.USER_NAME));
    }

    @Test
    public void aNewVisitIsNoticedAgainAndARestartPostsNothingTwice() {
        Opportunity deal = startedOn("IDLE");
        clock.set(JAN_10.plusDays(6));
        assertEquals(List.of(deal.no()), nodeA.look());

        // a new visit: an UPDATE writes a new entry at the same stage; then NEXT to stage 2 (max 3)
        Opportunity updated = service.move(deal.no(), StageUpdate.of(OpportunityAction.UPDATE), null);
        assertEquals(List.of(), nodeA.look());
        clock.set(JAN_10.plusDays(12));
        assertEquals(List.of(deal.no()), nodeB.look());
        service.move(deal.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        clock.set(JAN_10.plusDays(16));
        assertEquals(List.of(deal.no()), nodeA.look());

        List<Event> events = staleEvents();
        assertEquals(3, events.size());
        assertEquals(List.of(6, 6, 4), events.stream().map(e -> e.getProperty(OpportunityEvents.DAYS_IDLE)).toList());
        assertEquals(List.of(5, 5, 3),
                events.stream().map(e -> e.getProperty(OpportunityEvents.MAX_DAYS_IDLE)).toList());
        assertNotEquals(events.get(0).getProperty(OpportunityEvents.ENTRY_NO),
                events.get(1).getProperty(OpportunityEvents.ENTRY_NO));
        assertEquals(updated.version() + 1, events.get(2).getProperty(OpportunityEvents.VERSION));

        // restarts: new watches, and a node on a persistence unit of its own, remember nothing but the rows
        StaleDealsWatch restartedA = watch(store, LATER);
        OpportunityStore freshStore = freshStore();
        try {
            assertEquals(List.of(), restartedA.look());
            assertEquals(List.of(), watch(freshStore, LATER).look());
        } finally {
            freshStore.close();
        }
        assertEquals(3, staleEvents().size());
    }

    private static OpportunityStore freshStore() {
        EmbeddedDataSource connections = new EmbeddedDataSource();
        connections.setDatabaseName(dataSource.getDatabaseName());
        return new OpportunityStore(connections, new SchemaMigrations(), sharing);
    }

    @Test
    public void twoNodesLookingAtOnceEachPostADifferentDeal() throws Exception {
        List<String> deals = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            deals.add(startedOn("IDLE").no());
        }
        clock.set(JAN_10.plusDays(8));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> looks = new ArrayList<>();
            for (StaleDealsWatch watch : List.of(nodeA, nodeB, nodeA, nodeB)) {
                Callable<List<String>> look = () -> {
                    start.await();
                    return watch.look();
                };
                looks.add(threads.submit(look));
            }
            start.countDown();
            List<String> posted = new ArrayList<>();
            for (Future<List<String>> look : looks) {
                posted.addAll(look.get(60, TimeUnit.SECONDS));
            }
            assertEquals(deals, posted.stream().sorted().toList());
        } finally {
            threads.shutdownNow();
        }
        assertEquals(12, staleEvents().size());
        assertEquals(12, staleEvents().stream().map(e -> e.getProperty(OpportunityEvents.OPPORTUNITY_NO)).distinct()
                .count());
    }

    @Test
    public void closedAndMovedDealsAreNotPostedAndADeletionDeletesItsNotices() throws SQLException {
        Opportunity noticed = startedOn("IDLE");
        Opportunity closed = startedOn("IDLE");
        Opportunity moved = startedOn("IDLE");
        clock.set(JAN_10.plusDays(6));
        service.close(closed.no(), closing(CloseOutcome.LOST, "PRICE", null, null), null);
        service.move(moved.no(), StageUpdate.of(OpportunityAction.UPDATE), null);
        assertEquals(List.of(noticed.no()), nodeA.look());
        clock.set(JAN_10.plusDays(60));
        assertEquals("a closed deal is never stale; the moved one is on a new visit", List.of(moved.no()),
                nodeB.look());
        assertEquals(0, notices(closed.no()));

        service.close(noticed.no(), closing(CloseOutcome.LOST, "PRICE", null, null), null);
        assertEquals(1, notices(noticed.no()));
        callers.runAs(Caller.user("mia", Set.of(Roles.SALES_MANAGER)), () -> service.delete(noticed.no(), null));
        assertEquals("the deletion deleted its notices", 0, notices(noticed.no()));
        assertEquals(1, notices(moved.no()));
        assertEquals(2, staleEvents().size());
    }

    @Test
    public void theScheduleLooksShortlyAfterTheStartAndStopsWithTheComponent() throws InterruptedException {
        Opportunity deal = startedOn("IDLE");
        clock.set(JAN_10.plusDays(6));
        StaleDealsWatch scheduled = watch(store, Duration.ZERO);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (staleEvents().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, staleEvents().size());
        assertEquals(deal.no(), staleEvents().get(0).getProperty(OpportunityEvents.OPPORTUNITY_NO));
        scheduled.stop();
    }

    @Test
    public void withoutTheCyclesModuleNothingIsLookedAt() {
        startedOn("IDLE");
        clock.set(JAN_10.plusDays(6));
        modules.cycles = null;
        assertThrows(UnavailableException.class, () -> nodeA.look());
        assertTrue(staleEvents().isEmpty());
    }

    @Test
    public void withoutEventAdminNoVisitIsClaimedSoItIsPostedOnceThereIsOne() throws SQLException {
        Opportunity deal = startedOn("IDLE");
        clock.set(JAN_10.plusDays(6));
        modules.eventAdmin = null;
        assertEquals(List.of(), nodeA.look());
        assertEquals(0, notices(deal.no()));
        modules.eventAdmin = eventAdmin;
        assertEquals(List.of(deal.no()), nodeA.look());
        assertEquals(1, staleEvents().size());
    }

    @Test
    public void manyStaleDealsAreLookedAtInBatches() {
        int count = StaleDeals.BATCH + 3;
        List<String> deals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            deals.add("ST" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        }
        for (String no : deals) {
            service.create(newOpportunity(no, "Deal", "CT1", null, "IDLE", null,
                    activation(null, d("1"), d("25"), JAN_10.plusMonths(1))));
        }
        clock.set(JAN_10.plusDays(6));
        assertEquals(deals.stream().sorted().toList(), nodeA.look());
        assertEquals(List.of(), nodeB.look());
    }
}
