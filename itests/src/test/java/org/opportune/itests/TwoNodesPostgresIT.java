package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.opportune.itests.OpportuneTestSupport.basicAuthorization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.opportune.itests.OpportuneTestSupport.Response;
import org.opportune.itests.distribution.KarafDistribution;
import org.opportune.itests.eventlog.EventLogActivator;
import org.opportune.itests.postgres.PostgresOptions;
import org.opportune.itests.postgres.PostgresServer;

/**
 * Two distributions on one PostgreSQL database, no sticky sessions, behave like one node (README, "Running several
 * nodes"). Both are unpacked side by side, given the same {@code etc/org.ops4j.datasource-opportune.cfg} (a new
 * database of the throw-away server) and started once for the class, as plain processes. The tests prove:
 * <ul>
 * <li>a setup change committed on one node (a stage's chances, a cycle's probability model, a blocked salesperson or
 * cycle, and unblocking them) is used by the very next request on the other, whose cycle cache was primed before;</li>
 * <li>numbers ({@code CT…}, {@code OP…}) stay unique, and none is lost, under concurrent creates on both nodes —
 * the very first numbers of each series included, drawn at once on both nodes when the class starts — and an
 * opportunity's entry numbers ascend in the order its entries were written, alternately on both nodes;</li>
 * <li>concurrent moves of one opportunity from both nodes leave exactly one active entry, one entry per
 * acknowledged move, refusals being 409 or 412 (never a 5xx);</li>
 * <li>{@code kill -9} of one node under load loses no acknowledged write of either node, the other keeps answering
 * 2xx throughout, and the killed node starts again on the same folder and sees everything;</li>
 * <li>events are posted on the node that made the change only (a tiny bundle in each node's {@code deploy/} logs the
 * {@code org/opportune/*} events it gets to a file under {@code ${karaf.data}}).</li>
 * </ul>
 * Prints {@code TWO_NODES_STARTUP_MS}, {@code NUMBERS} and {@code KILL9} lines with the figures of the run.
 */
public class TwoNodesPostgresIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final String AUTHORIZATION = basicAuthorization(OpportuneTestSupport.ADMIN,
            OpportuneTestSupport.ADMIN_PASSWORD);
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String OPPORTUNITIES = "/api/v1/opportunities";
    private static final String CONTACTS = "/api/v1/contacts";
    private static final String CYCLES = "/api/v1/sales-cycles";
    private static final String TOPIC = "org/opportune/opportunity/";
    private static final int THREADS_PER_NODE = 8;
    private static final int FIRST_PER_NODE = 6;

    private static KarafDistribution a;
    private static KarafDistribution b;
    /** What the first creates of each number series answered (see {@link #drawFirstNumbersConcurrently()}). */
    private static final Map<String, String> FIRST_CONTACTS = new ConcurrentHashMap<>();
    private static final Map<String, String> FIRST_OPPORTUNITIES = new ConcurrentHashMap<>();
    private static final List<String> FIRST_FAILURES = new CopyOnWriteArrayList<>();

    @Rule
    public final TestWatcher logsOnFailure = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description description) {
            printLogs();
        }
    };

    @BeforeClass
    public static void startTwoNodesOnOneDatabase() throws Exception {
        Path archive = Path.of(OpportuneTestSupport.requiredProperty("opportune.distribution"));
        Path folder = Path.of("target", "two-nodes-" + System.currentTimeMillis());
        String database = PostgresServer.shared().newDatabase("opportune");
        Path eventLog = ExtensionBundle.write(folder.resolve("eventlog.jar"), "org.opportune.itests.eventlog",
                "org.osgi.framework;version=\"[1.8,2)\",org.osgi.service.event;version=\"[1.3,2)\"",
                EventLogActivator.class);
        a = KarafDistribution.unpack(archive, folder.resolve("a"));
        b = KarafDistribution.unpack(archive, folder.resolve("b"));
        for (KarafDistribution node : List.of(a, b)) {
            PostgresOptions.pointAt(node, database); // the same database for both
            Files.copy(eventLog, node.home().resolve("deploy/eventlog.jar"));
        }
        // in parallel: a first boot on an empty database, both nodes creating the tables at the same time
        try {
            List<Long> startup = KarafDistribution.startTogether(START_TIMEOUT, a, b);
            System.out.println("TWO_NODES_STARTUP_MS A=" + startup.get(0) + " B=" + startup.get(1));
            for (KarafDistribution node : List.of(a, b)) { // the schema was made by one node while the other waited
                assertEquals(node.home() + ": no ERROR", List.of(), node.errorLogLines());
                assertEquals(node.home() + ": no stack trace", List.of(), node.stackTraceLines());
            }
            drawFirstNumbersConcurrently();
        } catch (Exception | AssertionError e) {
            printLogs();
            throw e;
        }
    }

    @AfterClass
    public static void stopBoth() throws InterruptedException {
        KarafDistribution.closeTogether(a, b);
    }

    /** A test that failed while A was down (the kill test) leaves it started for the next one. */
    @Before
    public void bothRunning() throws Exception {
        for (KarafDistribution node : List.of(a, b)) {
            if (!node.running()) {
                node.start(START_TIMEOUT);
            }
        }
    }

    /**
     * A number series is fresh only once per database (its row is made by its first number), so the first numbers
     * of both series are drawn here, before any test, as concurrently as possible: 6 contacts and 6 opportunities
     * on each node at once. {@link #firstNumbersOfEachSeriesDrawnConcurrentlyOnBothNodes()} checks the answers.
     */
    private static void drawFirstNumbersConcurrently() throws Exception {
        setUp(a, "FN");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2 * 2 * FIRST_PER_NODE);
        try {
            List<Future<?>> creates = new ArrayList<>();
            for (KarafDistribution node : List.of(a, b)) {
                for (int i = 0; i < FIRST_PER_NODE; i++) {
                    String label = "FIRST-" + name(node) + "-" + i;
                    creates.add(pool.submit(() -> firstNumber(go, node, CONTACTS, contactBody(label), label,
                            FIRST_CONTACTS)));
                    creates.add(pool.submit(() -> firstNumber(go, node, OPPORTUNITIES,
                            opportunityBody("FN", label, ""), label, FIRST_OPPORTUNITIES)));
                }
            }
            go.countDown();
            for (Future<?> create : creates) {
                create.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Void firstNumber(CountDownLatch go, KarafDistribution node, String path, String body,
                                    String label, Map<String, String> numbers) throws InterruptedException {
        ok(call(node, "GET", path + "?limit=1", null)); // a warm connection and code path: the creates start together
        go.await();
        try {
            String no = createRetrying(node, path, body, new AtomicInteger());
            String other = numbers.putIfAbsent(no, label);
            if (other != null) {
                FIRST_FAILURES.add(no + " was given to " + other + " and " + label);
            }
        } catch (AssertionError | RuntimeException e) {
            FIRST_FAILURES.add(label + ": " + e.getMessage());
        }
        return null;
    }

    @Test
    public void firstNumbersOfEachSeriesDrawnConcurrentlyOnBothNodes() throws Exception {
        assertEquals("every first create of a series acknowledged, each with a number of its own", List.of(),
                FIRST_FAILURES);
        assertEquals(2 * FIRST_PER_NODE, FIRST_CONTACTS.size());
        assertEquals(2 * FIRST_PER_NODE, FIRST_OPPORTUNITIES.size());
        for (KarafDistribution node : List.of(a, b)) {
            assertReadable(node, FIRST_CONTACTS, FIRST_OPPORTUNITIES);
        }
    }

    // ---------------------------------------------------------------- 1. setup changes, no stale cache

    @Test
    public void stageChancesChangedOnOneNodeAreUsedByTheNextRequestOnTheOther() {
        setUp(a, "CH"); // stage 1: 20 %, stage 2: 40 %
        changeChancesThenUse(a, b, "20", "40", "35", "45");
        changeChancesThenUse(b, a, "35", "45", "55", "65");
    }

    /**
     * {@code reader} caches the cycle with the old chances, {@code writer} changes those of stages 1 and 2, and the
     * next move on {@code reader} takes the new ones (a move's chances default to the target stage's).
     */
    private static void changeChancesThenUse(KarafDistribution writer, KarafDistribution reader, String old1,
                                             String old2, String stage1, String stage2) {
        String no = createOpportunity(reader, "CH", "moved on " + name(reader)).path("no").asText();
        JsonNode options = ok(call(reader, "GET", OPPORTUNITIES + "/" + no + "/updates/options", null));
        assertDecimal("UPDATE's default, read through the reader's cache", old1,
                defaults(options, "UPDATE").path("chancesOfSuccessPercent"));
        assertDecimal("NEXT's default, read through the reader's cache", old2,
                defaults(options, "NEXT").path("chancesOfSuccessPercent"));

        ok(call(writer, "PATCH", CYCLES + "/CH/stages/1", "{\"chancesOfSuccessPercent\": " + stage1 + "}",
                "Content-Type", MERGE_PATCH));
        JsonNode updated = ok(call(reader, "POST", OPPORTUNITIES + "/" + no + "/updates", "{\"action\": \"UPDATE\"}"));
        assertDecimal("the chances of stage 1 as just changed on the other node", stage1,
                updated.path("chancesOfSuccessPercent"));
        assertDecimal("probability = chances × 10 % completed", new BigDecimal(stage1).divide(BigDecimal.TEN),
                updated.path("probabilityPercent"));

        ok(call(writer, "PATCH", CYCLES + "/CH/stages/2", "{\"chancesOfSuccessPercent\": " + stage2 + "}",
                "Content-Type", MERGE_PATCH));
        JsonNode moved = ok(call(reader, "POST", OPPORTUNITIES + "/" + no + "/updates", "{\"action\": \"NEXT\"}"));
        assertEquals(2, moved.path("currentStage").asInt());
        assertDecimal("the chances of stage 2 as just changed on the other node", stage2,
                moved.path("chancesOfSuccessPercent"));
        assertDecimal("probability = chances × 30 % completed",
                new BigDecimal(stage2).multiply(new BigDecimal("0.3")), moved.path("probabilityPercent"));
    }

    @Test
    public void probabilityModelSwitchedOnOneNodeIsUsedByTheNextMoveOnTheOther() {
        JsonNode models = ok(call(b, "GET", "/api/v1/extensions", null)).path("probabilityModels");
        assertTrue("ADD is shipped: " + models, models.findValuesAsText("name").contains("ADD"));
        setUp(a, "PM"); // MULTIPLY
        JsonNode multiplied = createOpportunity(b, "PM", "multiplied");
        assertDecimal("MULTIPLY: 25 × 10 / 100", "2.5", multiplied.path("probabilityPercent"));

        ok(call(a, "PATCH", CYCLES + "/PM", "{\"probabilityCalculation\": \"ADD\"}", "Content-Type", MERGE_PATCH));
        JsonNode added = createOpportunity(b, "PM", "added");
        assertDecimal("ADD: (25 + 10) / 2", "17.5", added.path("probabilityPercent"));
        JsonNode moved = ok(call(b, "POST", OPPORTUNITIES + "/" + multiplied.path("no").asText() + "/updates",
                "{\"action\": \"NEXT\"}"));
        assertDecimal("ADD at stage 2: (40 + 30) / 2", "35", moved.path("probabilityPercent"));

        ok(call(b, "PATCH", CYCLES + "/PM", "{\"probabilityCalculation\": \"COMPLETED\"}", "Content-Type",
                MERGE_PATCH));
        assertDecimal("COMPLETED, switched on B, used on A", "10",
                createOpportunity(a, "PM", "completed").path("probabilityPercent"));
    }

    @Test
    public void salespersonBlockedOnOneNodeIsRefusedByTheOther() {
        setUp(a, "BS");
        String body = opportunityBody("BS", "given to SPBS", "\"salespersonCode\": \"SPBS\",");
        created(call(b, "POST", OPPORTUNITIES, body));

        ok(call(a, "PATCH", "/api/v1/salespeople/SPBS", "{\"blocked\": true}", "Content-Type", MERGE_PATCH));
        assertRefused(call(b, "POST", OPPORTUNITIES, body), "salespersonCode");

        ok(call(a, "PATCH", "/api/v1/salespeople/SPBS", "{\"blocked\": false}", "Content-Type", MERGE_PATCH));
        assertEquals("SPBS", created(call(b, "POST", OPPORTUNITIES, body)).path("salespersonCode").asText());
    }

    @Test
    public void cycleBlockedOnOneNodeIsRefusedByTheOther() {
        setUp(a, "BC");
        String existing = createOpportunity(b, "BC", "before the block").path("no").asText(); // primes B's cache

        ok(call(a, "PATCH", CYCLES + "/BC", "{\"blocked\": true}", "Content-Type", MERGE_PATCH));
        assertRefused(call(b, "POST", OPPORTUNITIES, opportunityBody("BC", "refused", "")), "salesCycleCode");
        // DOMAIN: existing opportunities of a blocked cycle can still be updated
        ok(call(b, "POST", OPPORTUNITIES + "/" + existing + "/updates", "{\"action\": \"NEXT\"}"));

        ok(call(a, "PATCH", CYCLES + "/BC", "{\"blocked\": false}", "Content-Type", MERGE_PATCH));
        createOpportunity(b, "BC", "after the unblock");
    }

    // ---------------------------------------------------------------- 2. numbers

    @Test
    public void numbersStayUniqueUnderConcurrentCreatesOnBothNodes() throws Exception {
        setUp(a, "NU");
        int perNode = 40;
        AtomicInteger retries = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        Map<KarafDistribution, ExecutorService> pools = Map.of(a, Executors.newFixedThreadPool(THREADS_PER_NODE),
                b, Executors.newFixedThreadPool(THREADS_PER_NODE));
        List<Future<String[]>> contactFutures = new ArrayList<>();
        List<Future<String[]>> opportunityFutures = new ArrayList<>();
        try {
            for (KarafDistribution node : List.of(a, b)) {
                for (int i = 0; i < perNode; i++) {
                    String label = "NUMBERS-" + name(node) + "-" + i;
                    contactFutures.add(pools.get(node).submit(() -> {
                        go.await();
                        return new String[] {createRetrying(node, CONTACTS, contactBody(label), retries), label};
                    }));
                    opportunityFutures.add(pools.get(node).submit(() -> {
                        go.await();
                        return new String[] {createRetrying(node, OPPORTUNITIES, opportunityBody("NU", label, ""),
                                retries), label};
                    }));
                }
            }
            go.countDown();
            Map<String, String> contacts = uniqueNumbers(contactFutures, "CT\\d{6}");
            Map<String, String> opportunities = uniqueNumbers(opportunityFutures, "OP\\d{6}");
            assertEquals(2 * perNode, contacts.size());
            assertEquals(2 * perNode, opportunities.size());
            System.out.println("NUMBERS contacts=" + contacts.size() + " opportunities=" + opportunities.size()
                    + " retried=" + retries.get());
            for (KarafDistribution node : List.of(a, b)) { // each written on one node, read on both
                assertReadable(node, contacts, opportunities);
            }
        } finally {
            pools.values().forEach(ExecutorService::shutdownNow);
        }
    }

    @Test
    public void entryNumbersAscendInTheOrderWrittenOnBothNodes() {
        setUp(a, "EN");
        String no = createOpportunity(a, "EN", "alternating moves").path("no").asText(); // EV 1000
        List<String> written = new ArrayList<>(List.of("1000"));
        for (int i = 1; i <= 12; i++) {
            String value = Integer.toString(2000 + i);
            ok(call(i % 2 == 1 ? b : a, "POST", OPPORTUNITIES + "/" + no + "/updates",
                    "{\"action\": \"UPDATE\", \"estimatedValue\": " + value + "}"));
            written.add(value);
        }
        for (KarafDistribution node : List.of(a, b)) {
            JsonNode entries = entries(node, no);
            List<Long> entryNos = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (JsonNode entry : entries) {
                entryNos.add(entry.path("entryNo").asLong());
                values.add(new BigDecimal(entry.path("estimatedValue").asText()).stripTrailingZeros().toPlainString());
            }
            assertEquals("entry numbers ascend, read on " + name(node) + ": " + entryNos,
                    entryNos.stream().sorted().distinct().toList(), entryNos);
            assertEquals("in entry-number order, the entries as they were written (A, then B, A, B, ...)",
                    written, values);
            assertActiveIsLast(entries);
        }
    }

    // ---------------------------------------------------------------- 3. concurrent moves of one opportunity

    @Test
    public void concurrentMovesFromBothNodesKeepOneActiveEntry() throws Exception {
        setUp(a, "MV");
        String no = createOpportunity(a, "MV", "moved from both nodes").path("no").asText();
        String[] actions = {"NEXT", "PREVIOUS", "UPDATE"};
        int perNode = 20;
        CountDownLatch go = new CountDownLatch(1);
        Map<KarafDistribution, ExecutorService> pools = Map.of(a, Executors.newFixedThreadPool(THREADS_PER_NODE),
                b, Executors.newFixedThreadPool(THREADS_PER_NODE));
        List<Future<Integer>> moves = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        try {
            for (KarafDistribution node : List.of(a, b)) {
                for (int i = 0; i < perNode; i++) {
                    String action = actions[i % actions.length];
                    boolean ifMatch = i % 2 == 0; // half read the version first and send it, half do not
                    moves.add(pools.get(node).submit(() -> {
                        go.await();
                        String[] headers = ifMatch
                                ? new String[] {"If-Match", call(node, "GET", OPPORTUNITIES + "/" + no, null)
                                        .header("ETag")}
                                : new String[0];
                        Response moved = call(node, "POST", OPPORTUNITIES + "/" + no + "/updates",
                                "{\"action\": \"" + action + "\"}", headers);
                        synchronized (outcomes) {
                            outcomes.merge(name(node) + " " + action + (ifMatch ? " If-Match " : " ")
                                    + moved.status(), 1, Integer::sum);
                        }
                        assertTrue("a move is 200, or refused 409 / 412: " + moved.status() + " " + moved.body(),
                                Set.of(200, 409, 412).contains(moved.status()));
                        return moved.status();
                    }));
                }
            }
            go.countDown();
            int acknowledged = 0;
            for (Future<Integer> move : moves) {
                acknowledged += move.get(60, TimeUnit.SECONDS) == 200 ? 1 : 0;
            }
            System.out.println("CONCURRENT_MOVES " + outcomes);
            for (String node : List.of("A", "B")) {
                assertTrue("some move on " + node + " was acknowledged: " + outcomes, outcomes.entrySet().stream()
                        .anyMatch(e -> e.getKey().startsWith(node + " ") && e.getKey().endsWith(" 200")));
            }

            JsonNode entries = entries(b, no);
            assertEquals("one entry for the creation and one per acknowledged move: " + outcomes,
                    1 + acknowledged, entries.size());
            assertActiveIsLast(entries);
            // serialised: every move started from the stage the move before it left
            for (int i = 1; i < entries.size(); i++) {
                assertEquals("entry " + entries.get(i).path("entryNo") + " moved from where the one before ended",
                        entries.get(i - 1).path("stage").asInt(), entries.get(i).path("previousStage").asInt());
            }
            JsonNode opportunity = ok(call(a, "GET", OPPORTUNITIES + "/" + no, null));
            assertEquals(entries.get(entries.size() - 1).path("stage").asInt(),
                    opportunity.path("currentStage").asInt());
        } finally {
            pools.values().forEach(ExecutorService::shutdownNow);
        }
    }

    // ---------------------------------------------------------------- 4. kill -9 under load

    @Test
    public void killMinus9OfOneNodeUnderLoadLosesNoAcknowledgedWrite() throws Exception {
        setUp(b, "KL");
        Load loadA = new Load(a);
        Load loadB = new Load(b);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 4; i++) {
                writers.submit(loadA::write);
                writers.submit(loadB::write);
            }
            await(SETTLE, () -> loadA.acknowledged() >= 30 && loadB.acknowledged() >= 30, "both nodes under load");

            ProcessHandle java = a.javaProcess();
            long killedAt = System.nanoTime();
            Load.killed.set(true);
            assertTrue("SIGKILL sent", java.destroyForcibly());
            java.onExit().get(30, TimeUnit.SECONDS);
            await(SETTLE, () -> loadB.acknowledgedAfterKill.get() >= 50
                    && System.nanoTime() - killedAt >= TimeUnit.SECONDS.toNanos(3), "B under load after the kill");
            Load.stop.set(true);
            writers.shutdown();
            assertTrue("writers stopped", writers.awaitTermination(60, TimeUnit.SECONDS));

            System.out.println("KILL9 acknowledged A=" + loadA.acknowledged() + " B=" + loadB.acknowledged()
                    + " (B after the kill: " + loadB.acknowledgedAfterKill + ", slowest answer of B after the kill "
                    + loadB.slowestAfterKillMillis + " ms) B errors=" + loadB.errors + " A errors before the kill="
                    + loadA.errors + " A requests cut by the kill=" + loadA.cutByKill);
            assertEquals("B answered every request 2xx, during and after the kill", Map.of(), loadB.errors);
            assertEquals("A answered every request 2xx until it was killed", Map.of(), loadA.errors);

            Map<String, String> contacts = new HashMap<>(loadA.contacts);
            contacts.putAll(loadB.contacts);
            Map<String, String> opportunities = new HashMap<>(loadA.opportunities);
            opportunities.putAll(loadB.opportunities);
            assertEquals("no number acknowledged twice", loadA.contacts.size() + loadB.contacts.size(), contacts.size());
            assertEquals("no number acknowledged twice", loadA.opportunities.size() + loadB.opportunities.size(),
                    opportunities.size());
            assertReadable(b, contacts, opportunities);
            int written = assertNoneTorn(b, "KL");
            System.out.println("KILL9 opportunities of the load in the database: " + written + " (acknowledged "
                    + opportunities.size() + ")");

            // the killed node starts again on its folder (its Karaf lock was the dead process's) and sees everything
            await(SETTLE, () -> !a.running(), "bin/karaf of A ended with its JVM");
            long restartMillis = a.start(START_TIMEOUT);
            System.out.println("KILL9 A restarted in " + restartMillis + " ms");
            assertReadable(a, contacts, opportunities);
            String after = created(call(a, "POST", CONTACTS, contactBody("KILL-A-after-restart"))).path("no").asText();
            assertFalse("a new number after the restart", contacts.containsKey(after));
        } finally {
            Load.stop.set(true);
            writers.shutdownNow();
        }
    }

    /** Writer threads creating contacts and opportunities on one node, recording what was acknowledged (2xx). */
    private static final class Load {
        static final AtomicBoolean killed = new AtomicBoolean();
        static final AtomicBoolean stop = new AtomicBoolean();

        final KarafDistribution node;
        final Map<String, String> contacts = new ConcurrentHashMap<>();
        final Map<String, String> opportunities = new ConcurrentHashMap<>();
        final Map<String, Integer> errors = new ConcurrentHashMap<>();
        final AtomicInteger acknowledgedAfterKill = new AtomicInteger();
        final AtomicLong slowestAfterKillMillis = new AtomicLong();
        final AtomicInteger cutByKill = new AtomicInteger();
        final AtomicInteger sequence = new AtomicInteger();

        Load(KarafDistribution node) {
            this.node = node;
            killed.set(false);
            stop.set(false);
        }

        int acknowledged() {
            return contacts.size() + opportunities.size();
        }

        void write() {
            while (!stop.get()) {
                int i = sequence.incrementAndGet();
                String label = "KILL-" + name(node) + "-" + i;
                boolean contact = i % 2 == 0;
                boolean afterKill = killed.get();
                long started = System.nanoTime();
                try {
                    Response response = call(node, "POST", contact ? CONTACTS : OPPORTUNITIES,
                            contact ? contactBody(label) : opportunityBody("KL", label, ""));
                    if (response.status() != 201) {
                        errors.merge(response.status() + " " + response.body(), 1, Integer::sum);
                        continue;
                    }
                    String no = response.json().path("no").asText();
                    (contact ? contacts : opportunities).put(no, label);
                    if (afterKill) {
                        acknowledgedAfterKill.incrementAndGet();
                        slowestAfterKillMillis.accumulateAndGet(
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), Math::max);
                    }
                } catch (UncheckedIOException e) {
                    if (killed.get() && node == a) { // in flight or sent after the kill: never acknowledged
                        cutByKill.incrementAndGet();
                        return;
                    }
                    errors.merge(e.getCause().toString(), 1, Integer::sum);
                }
            }
        }
    }

    // ---------------------------------------------------------------- 5. events stay on their node

    @Test
    public void eventsArePostedOnTheNodeThatMadeTheChange() throws Exception {
        awaitEventLogReady(a);
        awaitEventLogReady(b);
        setUp(a, "EV");
        String no = createOpportunity(a, "EV", "events").path("no").asText(); // CREATED, STAGE_CHANGED on A
        ok(call(b, "POST", OPPORTUNITIES + "/" + no + "/updates", "{\"action\": \"NEXT\"}")); // STAGE_CHANGED on B
        ok(call(a, "POST", OPPORTUNITIES + "/" + no + "/updates", "{\"action\": \"UPDATE\"}")); // STAGE_CHANGED on A

        OpportuneTestSupport.eventually(SETTLE, () -> assertEquals(
                List.of(TOPIC + "CREATED", TOPIC + "STAGE_CHANGED", TOPIC + "STAGE_CHANGED"), topics(a, no)));
        OpportuneTestSupport.eventually(SETTLE, () -> assertEquals(List.of(TOPIC + "STAGE_CHANGED"), topics(b, no)));
        // absence cannot be awaited: a change on B whose events B has handled is the point by which a copy of B's
        // events on A would have been handled too, were they ever posted there
        String marker = createOpportunity(b, "EV", "marker").path("no").asText();
        OpportuneTestSupport.eventually(SETTLE, () -> assertEquals(
                List.of(TOPIC + "CREATED", TOPIC + "STAGE_CHANGED"), topics(b, marker)));
        assertEquals("B's events are not posted on A", List.of(), topics(a, marker));
        assertEquals(List.of(TOPIC + "CREATED", TOPIC + "STAGE_CHANGED", TOPIC + "STAGE_CHANGED"), topics(a, no));
        assertEquals(List.of(TOPIC + "STAGE_CHANGED"), topics(b, no));
    }

    /** The handler bundle in deploy/ has started in the node's current JVM (it logs READY with the JVM's pid). */
    private static void awaitEventLogReady(KarafDistribution node) {
        String ready = EventLogActivator.READY + " " + node.javaProcess().pid();
        OpportuneTestSupport.eventually(SETTLE, () -> assertTrue(name(node) + "'s event log handler is registered",
                eventLog(node).contains(ready)));
    }

    private static List<String> topics(KarafDistribution node, String no) {
        return eventLog(node).stream().filter(line -> line.endsWith(" " + no))
                .map(line -> line.substring(0, line.indexOf(' '))).toList();
    }

    private static List<String> eventLog(KarafDistribution node) {
        Path file = node.home().resolve("data").resolve(EventLogActivator.FILE);
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String name(KarafDistribution node) {
        return node == a ? "A" : "B";
    }

    private static Response call(KarafDistribution node, String method, String path, String body, String... headers) {
        return OpportuneTestSupport.send(node.baseUri(), method, path, body, AUTHORIZATION, headers);
    }

    private static JsonNode ok(Response response) {
        assertEquals(response.body(), 200, response.status());
        return response.json();
    }

    private static JsonNode created(Response response) {
        assertEquals(response.body(), 201, response.status());
        return response.json();
    }

    /** A refusal by the domain (409) naming the field at fault. */
    private static void assertRefused(Response response, String field) {
        assertEquals(response.body(), 409, response.status());
        assertTrue(response.body(), response.json().path("errors").findValuesAsText("field").contains(field));
    }

    /** Salesperson SP{code}, company contact C{code} of that salesperson, and cycle {code} (MULTIPLY), on {@code node}. */
    private static void setUp(KarafDistribution node, String code) {
        created(call(node, "POST", "/api/v1/salespeople", "{\"code\": \"SP" + code + "\", \"name\": \"Seller " + code
                + "\"}"));
        created(call(node, "POST", CONTACTS, "{\"no\": \"C" + code + "\", \"type\": \"COMPANY\", \"name\": \"Company "
                + code + "\", \"salespersonCode\": \"SP" + code + "\"}"));
        created(call(node, "POST", CYCLES, "{\"code\": \"" + code + "\", \"probabilityCalculation\": \"MULTIPLY\","
                + " \"stages\": " + RestApiTestSupport.WORKED_EXAMPLE_STAGES + "}"));
    }

    private static String contactBody(String name) {
        return "{\"type\": \"COMPANY\", \"name\": \"" + name + "\"}";
    }

    /** An opportunity of contact C{code} on cycle {code}, started at stage 1 with EV 1000 and 25 % chances. */
    private static String opportunityBody(String code, String description, String moreFields) {
        return "{\"description\": \"" + description + "\", " + moreFields + " \"contactNo\": \"C" + code
                + "\", \"salesCycleCode\": \"" + code + "\", \"activate\": {\"estimatedValue\": 1000,"
                + " \"chancesOfSuccessPercent\": 25, \"estimatedCloseDate\": \"2030-12-31\"}}";
    }

    /** The defaults of one action in an updates/options answer. */
    private static JsonNode defaults(JsonNode options, String action) {
        for (JsonNode option : options.path("options")) {
            if (action.equals(option.path("action").asText())) {
                return option.path("defaults");
            }
        }
        throw new AssertionError("no option " + action + ": " + options);
    }

    private static JsonNode createOpportunity(KarafDistribution node, String code, String description) {
        return created(call(node, "POST", OPPORTUNITIES, opportunityBody(code, description, "")));
    }

    /**
     * Creates, and retries only what the server says may be retried: 503, or a 409 whose detail says "retry" (a
     * lost lock race). Anything else, a duplicate number's 409 above all, fails.
     *
     * @return the number of the created record
     */
    private static String createRetrying(KarafDistribution node, String path, String body, AtomicInteger retries) {
        for (int attempt = 1; ; attempt++) {
            Response response = call(node, "POST", path, body);
            if (response.status() == 201) {
                return response.json().path("no").asText();
            }
            boolean retry = response.status() == 503 || response.status() == 409
                    && response.json().path("detail").asText().endsWith("retry");
            if (!retry || attempt == 5) {
                fail("POST " + path + " on " + name(node) + ": " + response.status() + " " + response.body());
            }
            retries.incrementAndGet();
        }
    }

    /** The {number, label} results, checked for a well-formed number that no other result got. */
    private static Map<String, String> uniqueNumbers(List<Future<String[]>> results, String pattern) throws Exception {
        Map<String, String> numbers = new LinkedHashMap<>();
        for (Future<String[]> result : results) {
            String[] created = result.get(60, TimeUnit.SECONDS);
            assertTrue(created[0], created[0].matches(pattern));
            String other = numbers.putIfAbsent(created[0], created[1]);
            assertNull(created[0] + " was given to " + other + " and " + created[1], other);
        }
        return numbers;
    }

    /** Every record is there on {@code node} with what it was created with (contact name, opportunity description). */
    private static void assertReadable(KarafDistribution node, Map<String, String> contacts,
                                       Map<String, String> opportunities) throws Exception {
        List<Callable<String>> reads = new ArrayList<>();
        contacts.forEach((no, name) -> reads.add(() -> mismatch(node, CONTACTS + "/" + no, "name", name)));
        opportunities.forEach((no, description) -> reads.add(() -> {
            String wrong = mismatch(node, OPPORTUNITIES + "/" + no, "description", description);
            if (wrong == null) {
                JsonNode entries = entries(node, no);
                if (entries.size() != 1 || !entries.get(0).path("active").asBoolean()) {
                    return no + " has not its one active entry: " + entries;
                }
            }
            return wrong;
        }));
        assertEquals("read on " + name(node) + " (" + contacts.size() + " contacts, " + opportunities.size()
                + " opportunities)", List.of(), problems(reads));
    }

    /** Runs the checks 8 at a time; each returns null or what is wrong. */
    private static List<String> problems(List<Callable<String>> checks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS_PER_NODE);
        try {
            List<String> wrong = new ArrayList<>();
            for (Future<String> check : pool.invokeAll(checks)) {
                if (check.get() != null) {
                    wrong.add(check.get());
                }
            }
            return wrong;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every opportunity of contact C{code} there is on {@code node}, acknowledged or not, was written whole: its
     * creation and first stage are one transaction, so it has its one active entry.
     *
     * @return how many there are
     */
    private static int assertNoneTorn(KarafDistribution node, String code) throws Exception {
        List<String> nos = new ArrayList<>();
        for (int total = 1; nos.size() < total; ) {
            JsonNode page = ok(call(node, "GET", OPPORTUNITIES + "?contactNo=C" + code + "&limit=500&offset="
                    + nos.size(), null));
            page.path("items").forEach(item -> nos.add(item.path("no").asText()));
            total = page.path("total").asInt();
        }
        List<Callable<String>> checks = new ArrayList<>();
        for (String no : nos) {
            checks.add(() -> {
                JsonNode entries = entries(node, no);
                return entries.size() == 1 && entries.get(0).path("active").asBoolean() ? null
                        : no + " has not its one active entry: " + entries;
            });
        }
        assertEquals(List.of(), problems(checks));
        return nos.size();
    }

    /** @return null when {@code path} reads 200 with {@code field} = {@code expected}, else what is wrong */
    private static String mismatch(KarafDistribution node, String path, String field, String expected) {
        Response read = call(node, "GET", path, null);
        if (read.status() != 200) {
            return path + ": " + read.status() + " " + read.body();
        }
        String actual = read.json().path(field).asText();
        return expected.equals(actual) ? null : path + ": " + field + " " + actual + ", expected " + expected;
    }

    /** The entries of an opportunity in the order the API lists them (entry number). */
    private static JsonNode entries(KarafDistribution node, String no) {
        JsonNode page = ok(call(node, "GET", OPPORTUNITIES + "/" + no + "/entries?limit=500", null));
        assertEquals(page.toString(), page.path("total").asInt(), page.path("items").size());
        return page.path("items");
    }

    private static void assertActiveIsLast(JsonNode entries) {
        List<Boolean> active = new ArrayList<>();
        entries.forEach(entry -> active.add(entry.path("active").asBoolean()));
        List<Boolean> expected = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            expected.add(i == entries.size() - 1);
        }
        assertEquals("exactly one active entry, the last", expected, active);
    }

    private static void assertDecimal(String message, Object expected, JsonNode actual) {
        BigDecimal wanted = new BigDecimal(expected.toString());
        assertTrue(message + ": expected " + wanted + ", got " + actual,
                actual.isNumber() && wanted.compareTo(actual.decimalValue()) == 0);
    }

    /** Polls {@code condition} every 50 ms until it holds; fails after {@code timeout}. */
    private static void await(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + timeout.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static void printLogs() {
        for (KarafDistribution node : new KarafDistribution[] {a, b}) {
            if (node != null) {
                node.printLogs(System.out, 150);
            }
        }
    }
}
