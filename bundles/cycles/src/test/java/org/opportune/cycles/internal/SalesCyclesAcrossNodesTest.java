package org.opportune.cycles.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opportune.persistence.SchemaMigrations;
import org.opportune.api.ConflictException;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleValues;
import org.opportune.api.cycle.StageValues;
import org.opportune.api.probability.ProbabilityModel;
import org.opportune.cycles.internal.probability.AddProbabilityModel;
import org.opportune.cycles.internal.probability.ChancesOfSuccessProbabilityModel;
import org.opportune.cycles.internal.probability.CompletedProbabilityModel;
import org.opportune.cycles.internal.probability.MultiplyProbabilityModel;
import org.opportune.persistence.CacheGeneration;
import org.opportune.persistence.JpaUnit;
import org.opportune.persistence.ThreadCallerContext;

/**
 * Two stateless nodes on one database: two services, each with its own cache, on the same in-memory Derby. What
 * node A commits, node B's very next call uses.
 */
public class SalesCyclesAcrossNodesTest {
    private final ThreadCallerContext callers = new ThreadCallerContext();
    private String database;
    private SalesCycleServiceImpl nodeA;
    private SalesCycleServiceImpl nodeB;

    @Before
    public void start() {
        database = "memory:" + UUID.randomUUID();
        nodeA = node();
        nodeB = node();
        nodeA.create("std", SalesCycleValues.builder().description("Standard").probabilityCalculation("MULTIPLY")
                .stages(List.of(stage(1, "10", "20"), stage(2, "30", "40"), stage(3, "60", "50"))).build());
        nodeA.create("other", SalesCycleValues.builder().description("Other").stages(List.of(stage(1, "50", "50")))
                .build());
    }

    @After
    public void stop() {
        nodeA.close();
        nodeB.close();
    }

    private EmbeddedDataSource dataSource() {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(database);
        dataSource.setCreateDatabase("create");
        return dataSource;
    }

    private SalesCycleServiceImpl node() {
        SalesCycleServiceImpl node = new SalesCycleServiceImpl(dataSource(), callers, new SchemaMigrations());
        for (ProbabilityModel model : List.of(new MultiplyProbabilityModel(), new AddProbabilityModel(),
                new ChancesOfSuccessProbabilityModel(), new CompletedProbabilityModel())) {
            node.addProbabilityModel(model, Map.of(ProbabilityModel.NAME_PROPERTY, model.name()));
        }
        return node;
    }

    private static StageValues stage(int number, String completed, String chances) {
        return StageValues.builder(number).description("Stage " + number).completedPercent(new BigDecimal(completed))
                .chancesOfSuccessPercent(new BigDecimal(chances)).build();
    }

    private static BigDecimal chances(SalesCycle cycle, int stage) {
        return cycle.stages().get(stage - 1).chancesOfSuccessPercent();
    }

    @Test
    public void unchangedCyclesAreServedFromTheCache() {
        SalesCycle std = nodeB.get("STD");
        SalesCycle other = nodeB.get("OTHER");
        long loads = nodeB.cacheLoads();
        assertEquals(2, loads);
        for (int i = 0; i < 5; i++) {
            assertEquals(std, nodeB.get("std"));
            assertEquals(other, nodeB.find("OTHER").orElseThrow());
            nodeB.requireAssignable("STD", "salesCycleCode");
            nodeB.probabilityModel("STD");
        }
        assertEquals(loads, nodeB.cacheLoads());
        assertFalse(nodeB.find("NONE").isPresent()); // a missing cycle is not cached: it may be created elsewhere
        assertFalse(nodeB.find("NONE").isPresent());
        assertEquals(loads + 2, nodeB.cacheLoads());
    }

    @Test
    public void aStagesChancesChangedOnAIsUsedByBsNextCall() {
        assertEquals(new BigDecimal("40"), chances(nodeB.get("STD"), 2));
        long loads = nodeB.cacheLoads();

        nodeA.replaceStage("STD", stage(2, "30", "90"), null);

        assertEquals(0, new BigDecimal("90").compareTo(chances(nodeB.get("STD"), 2)));
        assertEquals(loads + 1, nodeB.cacheLoads());
        assertEquals(nodeA.get("STD"), nodeB.get("STD"));
        assertEquals(loads + 1, nodeB.cacheLoads()); // and then from the cache again
    }

    @Test
    public void stagesAddedDeletedOrReplacedInAWholeUpdateOnAAreSeenByB() {
        SalesCycle before = nodeB.get("STD");
        nodeA.addStage("STD", stage(4, "80", "75"), before.version());
        assertEquals(4, nodeB.get("STD").stages().size());
        assertEquals(nodeA.get("STD"), nodeB.get("STD"));
        nodeA.deleteStage("STD", 4, null);
        assertEquals(3, nodeB.get("STD").stages().size());
        SalesCycle current = nodeB.get("STD");
        nodeA.update("STD", SalesCycleValues.from(current)
                .stages(List.of(stage(1, "10", "20"), stage(2, "30", "45"))).build(), current.version());
        assertEquals(2, nodeB.get("STD").stages().size());
        assertEquals(0, new BigDecimal("45").compareTo(chances(nodeB.get("STD"), 2)));
    }

    @Test
    public void aProbabilityModelSwitchedOnAIsUsedByBsNextCall() {
        BigDecimal completed = BigDecimal.valueOf(60);
        BigDecimal chances = BigDecimal.valueOf(50);
        assertEquals(0, new BigDecimal("30").compareTo(nodeB.probability("STD", completed, chances)));
        assertEquals("MULTIPLY", nodeB.probabilityModel("STD").name());

        SalesCycle current = nodeA.get("STD");
        nodeA.update("STD", SalesCycleValues.from(current).probabilityCalculation("ADD").build(), current.version());

        assertEquals("ADD", nodeB.probabilityModel("STD").name());
        assertEquals("ADD", nodeB.get("STD").probabilityCalculation());
        assertEquals(0, new AddProbabilityModel().probability(completed, chances)
                .compareTo(nodeB.probability("STD", completed, chances)));
    }

    @Test
    public void aCycleBlockedOnAIsRefusedByBsNextCallAndFreedAgain() {
        nodeB.requireAssignable("STD", "salesCycleCode");
        SalesCycle current = nodeA.get("STD");
        SalesCycle blocked = nodeA.update("STD", SalesCycleValues.from(current).blocked(true).build(), null);
        assertThrows(ConflictException.class, () -> nodeB.requireAssignable("STD", "salesCycleCode"));
        nodeA.update("STD", SalesCycleValues.from(blocked).blocked(false).build(), null);
        assertFalse(nodeB.requireAssignable("STD", "salesCycleCode").blocked());
    }

    @Test
    public void aCycleDeletedOnAIsGoneOnBAndOneCreatedOnAIsThere() {
        assertTrue(nodeB.find("OTHER").isPresent());
        nodeA.delete("OTHER", null);
        assertFalse(nodeB.find("OTHER").isPresent());
        nodeA.create("OTHER", SalesCycleValues.builder().description("Again").build());
        assertEquals("Again", nodeB.get("OTHER").description());
    }

    /**
     * The race: B reads the generation and loads the cycle, A commits a change (and its bump) before B keeps what it
     * loaded, the old cycle. B's next call must not serve it.
     */
    @Test
    public void aChangeCommittedWhileBLoadsIsNotMissed() {
        AtomicBoolean raced = new AtomicBoolean();
        CacheGeneration generation = new CacheGeneration(dataSource(), "cycles");
        try (JpaUnit jpa = new JpaUnit("opportune-cycles", dataSource(), SalesCycleServiceImpl.class.getClassLoader(),
                new SchemaMigrations())) {
            CycleCache cache = new CycleCache(() -> generation.current(dataSource()), code -> {
                Optional<SalesCycleView> loaded = jpa.read(em -> nodeB.load(em, code));
                if (raced.compareAndSet(false, true)) {
                    nodeA.replaceStage("STD", stage(2, "30", "95"), null); // commits on A's own connection
                }
                return loaded;
            });
            SalesCycle raceLoaded = cache.find("STD").orElseThrow();
            assertEquals(new BigDecimal("40"), chances(raceLoaded, 2)); // what B loaded before A committed
            SalesCycle next = cache.find("STD").orElseThrow();
            assertEquals(0, new BigDecimal("95").compareTo(chances(next, 2)));
            assertEquals(2, cache.loads());
            cache.find("STD");
            assertEquals(2, cache.loads());
        }
    }

    /** Many readers on B while A keeps changing the chances: once A is done, B serves A's last value. */
    @Test
    public void concurrentReadersOnBEndWithAsLastCommit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<?>> readers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                readers.add(pool.submit(() -> {
                    go.await();
                    while (writing.get()) {
                        nodeB.get("STD");
                    }
                    return null;
                }));
            }
            go.countDown();
            for (int chances = 41; chances <= 60; chances++) {
                nodeA.replaceStage("STD", stage(2, "30", Integer.toString(chances)), null);
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(60, TimeUnit.SECONDS);
            }
            assertEquals(0, new BigDecimal("60").compareTo(chances(nodeB.get("STD"), 2)));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Another module or an upgrade script that bumps the generation makes every node load again. */
    @Test
    public void aBumpFromElsewhereReloads() {
        nodeB.get("STD");
        long loads = nodeB.cacheLoads();
        CacheGeneration elsewhere = new CacheGeneration(dataSource(), "cycles");
        try (JpaUnit jpa = new JpaUnit("opportune-cycles", dataSource(), SalesCycleServiceImpl.class.getClassLoader(), new SchemaMigrations())) {
            jpa.run(elsewhere::bump);
        }
        nodeB.get("STD");
        assertEquals(loads + 1, nodeB.cacheLoads());
    }
}
