package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.opportune.persistence.SchemaMigrations;
import org.opportune.api.ConflictException;
import org.opportune.api.StaleVersionException;
import org.opportune.api.opportunity.MoveParticipant;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.opportunities.internal.rules.AllowSkipRule;
import org.opportune.opportunities.internal.rules.QuoteRequiredRule;

/**
 * Two stateless nodes on one database: {@link #service} (node A) and {@link #nodeB}, each with its own persistence
 * unit (its own EclipseLink session, as a second JVM has), over the same in-memory Derby. Entry numbers come from the
 * database sequence one at a time, drawn after the opportunity's row lock: an opportunity's entries are numbered in
 * the order they are written whichever node writes them, and a move holds one connection only.
 */
public class EntryNumbersAcrossNodesTest extends OpportunityTestSupport {
    private static final int THREADS_PER_NODE = 4;
    private static final int MOVES_PER_THREAD = 15;
    private static final List<OpportunityAction> ACTIONS = List.of(OpportunityAction.NEXT, OpportunityAction.PREVIOUS,
            OpportunityAction.UPDATE, OpportunityAction.SKIP, OpportunityAction.JUMP);

    /** Node B's connections: another DataSource object on one database, so EclipseLink builds a second session. */
    private static CountingDataSource nodeBConnections;
    private static OpportunityStore nodeBStore;

    private OpportunityServiceImpl nodeB;
    /** Filled by a participant on both nodes, under the opportunity's lock: opportunity → (version → entry no.). */
    private final Map<String, Map<Long, Long>> written = new ConcurrentHashMap<>();

    @BeforeClass
    public static void startNodeB() {
        nodeBConnections = new CountingDataSource(dataSource);
        nodeBStore = new OpportunityStore(nodeBConnections.proxy, new SchemaMigrations(), sharing);
    }

    @AfterClass
    public static void stopNodeB() {
        nodeBStore.close();
    }

    @Before
    public void nodeB() {
        nodeB = new OpportunityServiceImpl(nodeBStore, modules, callers, config("OP", 6));
        nodeB.addTransitionRule(quoteRequiredRule, ruleProperties(QuoteRequiredRule.NAME, 0, 1L));
        nodeB.addTransitionRule(allowSkipRule, ruleProperties(AllowSkipRule.NAME, 0, 2L));
        MoveParticipant recorder = move -> written
                .computeIfAbsent(move.opportunity().no(), no -> Collections.synchronizedMap(new TreeMap<>()))
                .put(move.opportunity().version(), move.entry().entryNo());
        Map<String, Object> properties = Map.of(MoveParticipant.NAME_PROPERTY, "recorder", "service.id", 100L);
        service.addMoveParticipant(recorder, properties);
        nodeB.addMoveParticipant(recorder, properties);
    }

    @After
    public void noConnectionLeft() {
        assertEquals("connections node B still holds", 0, nodeBConnections.open.get());
    }

    @Test
    public void movesAlternatingBetweenNodesAreNumberedInTheOrderWritten() {
        Opportunity opportunity = started(); // on node A
        String no = opportunity.no();
        long last = written.get(no).get(opportunity.version());
        assertEquals(last, lastEntry(no).entryNo());
        for (int i = 1; i <= 12; i++) {
            clock.set(JAN_10.plusDays(i));
            OpportunityServiceImpl node = i % 2 == 1 ? nodeB : service;
            Opportunity moved = node.move(no,
                    StageUpdate.of(i % 2 == 0 ? OpportunityAction.PREVIOUS : OpportunityAction.NEXT), null);
            long entryNo = written.get(no).get(moved.version());
            assertTrue("move " + i + " (on node " + (i % 2 == 1 ? "B" : "A") + ") got entry " + entryNo
                    + " after entry " + last, entryNo > last);
            last = entryNo;
        }
        assertHistoryInWriteOrder(no, 13);
    }

    @Test
    public void opportunitiesMovedOnBothNodesInterleavedKeepTheirEntriesAscending() {
        List<String> nos = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nos.add((i % 2 == 0 ? service : nodeB).create(newOpportunity(null, "Deal " + i, "CT1", null, "STD", null,
                    activation(null, d("10000"), d("25"), JAN_10.plusMonths(2)))).no());
        }
        for (int round = 1; round <= 6; round++) {
            clock.set(JAN_10.plusDays(round));
            for (int i = 0; i < nos.size(); i++) {
                OpportunityServiceImpl node = (round + i) % 2 == 0 ? service : nodeB;
                node.move(nos.get(i), StageUpdate.of(round % 2 == 0 ? OpportunityAction.PREVIOUS
                        : OpportunityAction.NEXT), null);
            }
        }
        for (String no : nos) {
            assertHistoryInWriteOrder(no, 7);
        }
    }

    @Test
    public void concurrentMovesOnBothNodesAreNumberedInTheOrderWritten() throws Exception {
        Opportunity opportunity = started();
        String no = opportunity.no();
        AtomicInteger succeeded = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
        List<Future<Void>> clients = new ArrayList<>();
        for (int t = 0; t < 2 * THREADS_PER_NODE; t++) {
            OpportunityServiceImpl node = t % 2 == 0 ? service : nodeB;
            Random random = new Random(t);
            clients.add(pool.submit((Callable<Void>) () -> {
                start.await();
                for (int i = 0; i < MOVES_PER_THREAD; i++) {
                    try {
                        node.move(no, StageUpdate.of(ACTIONS.get(random.nextInt(ACTIONS.size()))), null);
                        succeeded.incrementAndGet();
                    } catch (ConflictException | StaleVersionException e) {
                        // refused or lost a lock race; the history must stay consistent all the same
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<Void> client : clients) {
            client.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertTrue("moves on both nodes must have happened", succeeded.get() > 2 * THREADS_PER_NODE);
        assertHistoryInWriteOrder(no, 1 + succeeded.get());
    }

    @Test
    public void aMoveHoldsOneConnectionAtATime() {
        Opportunity opportunity = nodeB.create(newOpportunity(null, "Big deal", "CT1", null, "STD", null,
                activation(null, d("10000"), d("25"), JAN_10.plusMonths(2))));
        for (int i = 0; i < 3; i++) {
            nodeBConnections.maxOpen.set(0);
            nodeB.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null);
            assertEquals("connections node B held at once during move " + i, 1, nodeBConnections.maxOpen.get());
        }
        nodeBConnections.maxOpen.set(0);
        nodeB.create(newOpportunity(null, "Other deal", "CT1", null, "STD", null,
                activation(null, d("10000"), d("25"), JAN_10.plusMonths(2))));
        assertEquals("connections node B held at once during a create with activation", 1,
                nodeBConnections.maxOpen.get());
    }

    @Test
    public void aDatabaseNumberedFiftyAtATimeContinuesAboveItsNumbers() throws Exception {
        // as the sequence was created and used before: by 50, handed out 50 numbers per fetch up to 150
        try (Connection connection = dataSource.getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate("DROP SEQUENCE OPPORTUNITY_ENTRY_NO RESTRICT");
            statement.executeUpdate("CREATE SEQUENCE OPPORTUNITY_ENTRY_NO INCREMENT BY 50 START WITH 50");
            long fetched = 0;
            for (int i = 0; i < 3; i++) {
                try (java.sql.ResultSet value = statement.executeQuery("VALUES NEXT VALUE FOR OPPORTUNITY_ENTRY_NO")) {
                    value.next();
                    fetched = value.getLong(1);
                }
            }
            assertEquals(150, fetched);
        }
        // a server started on that database
        OpportunityStore restarted = new OpportunityStore(new CountingDataSource(dataSource).proxy, new SchemaMigrations(), sharing);
        try {
            OpportunityServiceImpl node = new OpportunityServiceImpl(restarted, modules, callers, config("OP", 6));
            String no = node.create(newOpportunity(null, "Big deal", "CT1", null, "STD", null,
                    activation(null, d("10000"), d("25"), JAN_10.plusMonths(2)))).no();
            node.move(no, StageUpdate.of(OpportunityAction.NEXT), null);
            service.move(no, StageUpdate.of(OpportunityAction.NEXT), null);
            List<OpportunityEntry> entries = entries(no);
            assertEquals(3, entries.size());
            assertTrue("first entry " + entries.get(0).entryNo(), entries.get(0).entryNo() > 150);
            for (int i = 1; i < 3; i++) {
                assertEquals(i, entries.get(i).previousStage().intValue());
                assertTrue(entries.get(i).entryNo() > entries.get(i - 1).entryNo());
            }
        } finally {
            restarted.close();
        }
    }

    /**
     * In the order the entries were written (the versions their moves gave the opportunity, under its lock) their
     * numbers ascend; in number order each continues from the one before, and only the last is active.
     */
    private void assertHistoryInWriteOrder(String no, int expectedEntries) {
        List<OpportunityEntry> entries = entries(no); // in entry no. order
        assertEquals(expectedEntries, entries.size());
        assertEquals(1, entries.stream().filter(OpportunityEntry::active).count());
        assertTrue(entries.get(entries.size() - 1).active());
        long previousNo = Long.MIN_VALUE;
        for (Map.Entry<Long, Long> move : written.get(no).entrySet()) {
            assertTrue("the move to version " + move.getKey() + " of " + no + " got entry " + move.getValue()
                    + ", not above " + previousNo + " written before it", move.getValue() > previousNo);
            previousNo = move.getValue();
        }
        for (int i = 1; i < entries.size(); i++) {
            OpportunityEntry before = entries.get(i - 1);
            OpportunityEntry after = entries.get(i);
            assertEquals("entry " + after.entryNo() + " continues from entry " + before.entryNo(),
                    Integer.valueOf(before.stage()), after.previousStage());
            assertTrue(!after.dateOfChange().isBefore(before.dateOfChange()));
        }
    }

    /** A DataSource that counts the connections open at once. */
    private static final class CountingDataSource implements InvocationHandler {
        final DataSource target;
        final DataSource proxy;
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger maxOpen = new AtomicInteger();

        CountingDataSource(DataSource target) {
            this.target = target;
            this.proxy = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, this);
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "hashCode":
                    return System.identityHashCode(self);
                case "equals":
                    return self == args[0];
                case "toString":
                    return "node B's DataSource";
                default:
                    break;
            }
            Object result = call(target, method, args);
            if (method.getName().equals("getConnection")) {
                maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                Connection connection = (Connection) result;
                boolean[] closed = {false};
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (c, m, a) -> {
                            if (m.getName().equals("equals")) {
                                return c == a[0];
                            }
                            if (m.getName().equals("close") && !closed[0]) {
                                closed[0] = true;
                                open.decrementAndGet();
                            }
                            return call(connection, m, a);
                        });
            }
            return result;
        }

        private static Object call(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
