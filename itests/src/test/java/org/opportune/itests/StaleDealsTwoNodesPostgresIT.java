package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.opportune.itests.OpportuneTestSupport.basicAuthorization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.AfterClass;
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
 * Stale deals on two nodes of one PostgreSQL database (DOMAIN §11): both nodes check every second
 * ({@code staleCheckSeconds = 1}), so they race for every deal that becomes stale; exactly one claim row in
 * {@code OPPORTUNITY_STALE_NOTICE} and one {@code STALE} event in all (on the node that claimed it) per deal and stage
 * visit — when a stage's new limit makes many deals stale at once, after many checks, after a node's restart, and
 * again once for a new visit. Prints {@code STALE_CLAIMS} with what each node claimed. The deals are dated back, so
 * "today" is the machines' (both nodes run on this one); the events are read from the event log bundle each node has in
 * {@code deploy/} (as in {@link TwoNodesPostgresIT}).
 */
public class StaleDealsTwoNodesPostgresIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CHECKED = Duration.ofSeconds(60);
    private static final String AUTHORIZATION = basicAuthorization(OpportuneTestSupport.ADMIN,
            OpportuneTestSupport.ADMIN_PASSWORD);
    private static final String OPPORTUNITIES = "/api/v1/opportunities";
    private static final String STALE = "org/opportune/opportunity/STALE";
    private static final int DEALS = 60;

    private static KarafDistribution a;
    private static KarafDistribution b;
    private static String database;

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
        Path folder = Path.of("target", "stale-two-nodes-" + System.currentTimeMillis());
        database = PostgresServer.shared().newDatabase("opportune");
        Path eventLog = ExtensionBundle.write(folder.resolve("eventlog.jar"), "org.opportune.itests.eventlog",
                "org.osgi.framework;version=\"[1.8,2)\",org.osgi.service.event;version=\"[1.3,2)\"",
                EventLogActivator.class);
        a = KarafDistribution.unpack(archive, folder.resolve("a"));
        b = KarafDistribution.unpack(archive, folder.resolve("b"));
        for (KarafDistribution node : List.of(a, b)) {
            PostgresOptions.pointAt(node, database);
            KarafDistribution.setProperty(node.home().resolve("etc/org.opportune.opportunities.cfg"),
                    "staleCheckSeconds", "1");
            Files.copy(eventLog, node.home().resolve("deploy/eventlog.jar"));
        }
        try {
            KarafDistribution.startTogether(START_TIMEOUT, a, b);
        } catch (Exception | AssertionError e) {
            printLogs();
            throw e;
        }
    }

    @AfterClass
    public static void stopBoth() throws InterruptedException {
        KarafDistribution.closeTogether(a, b);
    }

    @Test
    public void bothNodesCheckYetEachVisitIsClaimedAndAnnouncedOnce() throws Exception {
        awaitEventLogReady(a);
        awaitEventLogReady(b);
        setUp();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> deals = new ArrayList<>();
        for (int i = 0; i < DEALS; i++) { // ten days idle at a stage without a limit
            deals.add(create(i % 2 == 0 ? a : b, "TN", today.minusDays(10)));
        }
        awaitCheck(b);
        assertEquals("no limit, no claim", 0, claimRows(deals));
        // every deal becomes stale at once: both nodes' next checks find them all unclaimed
        Response limited = call(a, "PATCH", "/api/v1/sales-cycles/TN/stages/1", "{\"maxDaysIdle\": 5}");
        assertEquals(limited.body(), 200, limited.status());
        awaitClaims(deals, DEALS);
        awaitCheck(a);
        awaitCheck(b);
        assertOneClaimAndEventPerVisit(deals, 1);
        Map<String, Long> firstVisits = claims(deals);
        for (String deal : deals) {
            assertEquals(deal, activeEntryNo(a, deal), (long) firstVisits.get(deal));
        }
        System.out.println("STALE_CLAIMS A=" + announcedOn(a, deals) + " B=" + announcedOn(b, deals)
                + " of " + DEALS);

        // a restarted node has no memory of what it announced: the claim rows are the memory
        b.stop(STOP_TIMEOUT);
        b.start(START_TIMEOUT);
        awaitEventLogReady(b);
        awaitCheck(b);
        awaitCheck(a);
        assertOneClaimAndEventPerVisit(deals, 1);

        // half the deals move on, dated back again: a new visit, stale at once at a stage of three days
        List<String> moved = deals.subList(0, DEALS / 2);
        for (int i = 0; i < moved.size(); i++) {
            Response next = call(i % 2 == 0 ? b : a, "POST", OPPORTUNITIES + "/" + moved.get(i) + "/updates",
                    "{\"action\": \"NEXT\", \"dateOfChange\": \"" + today.minusDays(5) + "\"}");
            assertEquals(next.body(), 200, next.status());
        }
        awaitClaims(deals, DEALS + moved.size());
        awaitCheck(a);
        awaitCheck(b);
        assertOneClaimAndEventPerVisit(moved, 2);
        assertOneClaimAndEventPerVisit(deals.subList(DEALS / 2, DEALS), 1);
        for (String deal : moved) {
            long second = activeEntryNo(a, deal);
            assertTrue(deal + " claimed for its new visit " + second, claimedEntries(deal).contains(second));
        }
    }

    // ---------------------------------------------------------------- checks

    /**
     * Per deal: {@code visits} claim rows in the database (one per entry) and as many STALE events in the logs of
     * both nodes together.
     */
    private static void assertOneClaimAndEventPerVisit(List<String> deals, int visits) throws SQLException {
        Map<String, Integer> wrong = new TreeMap<>();
        for (String deal : deals) {
            int rows = claimedEntries(deal).size();
            int events = staleEventsOf(a, deal) + staleEventsOf(b, deal);
            if (rows != visits || events != visits) {
                wrong.put(deal + " rows " + rows + " events", events);
            }
        }
        assertEquals("claims and STALE events, " + visits + " of each per deal", Map.of(), wrong);
    }

    private static void awaitClaims(List<String> deals, int rows) {
        OpportuneTestSupport.eventually(CHECKED, () -> {
            try {
                assertEquals("claim rows", rows, claimRows(deals));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            int events = 0;
            for (String deal : deals) {
                events += staleEventsOf(a, deal) + staleEventsOf(b, deal);
            }
            assertEquals("STALE events", rows, events);
        });
    }

    /**
     * A check ran after this call, on either node: a marker deal made on {@code node}, stale the moment it is made, was
     * announced once.
     */
    private static void awaitCheck(KarafDistribution node) {
        String marker = create(node, "TNM", LocalDate.now(ZoneOffset.UTC).minusDays(3));
        OpportuneTestSupport.eventually(CHECKED, () -> assertEquals("the marker " + marker + " announced once", 1,
                staleEventsOf(a, marker) + staleEventsOf(b, marker)));
    }

    // ---------------------------------------------------------------- the database

    /** deal → the entry of its first claim row. */
    private static Map<String, Long> claims(List<String> deals) throws SQLException {
        Map<String, Long> first = new HashMap<>();
        for (String deal : deals) {
            List<Long> entries = claimedEntries(deal);
            if (!entries.isEmpty()) {
                first.put(deal, entries.get(0));
            }
        }
        return first;
    }

    private static int claimRows(List<String> deals) throws SQLException {
        int rows = 0;
        for (String deal : deals) {
            rows += claimedEntries(deal).size();
        }
        return rows;
    }

    /** The entries of the claim rows of a deal, oldest first. */
    private static List<Long> claimedEntries(String deal) throws SQLException {
        PostgresServer server = PostgresServer.shared();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(database), server.user(), "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT ENTRY_NO FROM OPPORTUNITY_STALE_NOTICE"
                     + " WHERE OPPORTUNITY_NO = '" + deal + "' ORDER BY ENTRY_NO")) {
            List<Long> entries = new ArrayList<>();
            while (rows.next()) {
                entries.add(rows.getLong(1));
            }
            return entries;
        }
    }

    // ---------------------------------------------------------------- the nodes

    /** Salesperson SPTN, contact CTN; cycle TN: stage 1 without a limit (yet), stage 2 at most 3; cycle TNM (markers). */
    private static void setUp() {
        created(call(a, "POST", "/api/v1/salespeople", "{\"code\": \"SPTN\", \"name\": \"Seller TN\"}"));
        created(call(a, "POST", "/api/v1/contacts",
                "{\"no\": \"CTN\", \"type\": \"COMPANY\", \"name\": \"Company TN\", \"salespersonCode\": \"SPTN\"}"));
        created(call(b, "POST", "/api/v1/sales-cycles", """
                {"code": "TN", "stages": [
                  {"stage": 1, "description": "One", "completedPercent": 10, "chancesOfSuccessPercent": 20},
                  {"stage": 2, "description": "Two", "completedPercent": 30, "chancesOfSuccessPercent": 40,
                   "maxDaysIdle": 3}]}"""));
        created(call(a, "POST", "/api/v1/sales-cycles", """
                {"code": "TNM", "stages": [
                  {"stage": 1, "description": "Marker", "completedPercent": 10, "chancesOfSuccessPercent": 20,
                   "maxDaysIdle": 1}]}"""));
    }

    private static String create(KarafDistribution node, String cycle, LocalDate dateOfChange) {
        return created(call(node, "POST", OPPORTUNITIES, """
                {"description": "Idle on %s", "contactNo": "CTN", "salesCycleCode": "%s",
                 "activate": {"dateOfChange": "%s", "estimatedValue": 1000, "chancesOfSuccessPercent": 30,
                              "estimatedCloseDate": "2099-12-31"}}""".formatted(cycle, cycle, dateOfChange)))
                .path("no").asText();
    }

    private static long activeEntryNo(KarafDistribution node, String no) {
        Response entries = call(node, "GET", OPPORTUNITIES + "/" + no + "/entries?limit=500", null);
        assertEquals(entries.body(), 200, entries.status());
        for (JsonNode entry : entries.json().path("items")) {
            if (entry.path("active").asBoolean()) {
                return entry.path("entryNo").asLong();
            }
        }
        throw new AssertionError(no + " has no active entry");
    }

    private static void awaitEventLogReady(KarafDistribution node) {
        String ready = EventLogActivator.READY + " " + node.javaProcess().pid();
        OpportuneTestSupport.eventually(CHECKED, () -> assertTrue(node.home() + ": event log handler registered",
                eventLog(node).contains(ready)));
    }

    private static int staleEventsOf(KarafDistribution node, String no) {
        return (int) eventLog(node).stream().filter((STALE + " " + no)::equals).count();
    }

    private static int announcedOn(KarafDistribution node, List<String> deals) {
        int announced = 0;
        for (String deal : deals) {
            announced += staleEventsOf(node, deal);
        }
        return announced;
    }

    private static List<String> eventLog(KarafDistribution node) {
        Path file = node.home().resolve("data").resolve(EventLogActivator.FILE);
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response call(KarafDistribution node, String method, String path, String body) {
        return OpportuneTestSupport.send(node.baseUri(), method, path, body, AUTHORIZATION);
    }

    private static JsonNode created(Response response) {
        assertEquals(response.body(), 201, response.status());
        return response.json();
    }

    private static void printLogs() {
        for (KarafDistribution node : new KarafDistribution[] {a, b}) {
            if (node != null) {
                node.printLogs(System.out, 150);
            }
        }
    }
}
