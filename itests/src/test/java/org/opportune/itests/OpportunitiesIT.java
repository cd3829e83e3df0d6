package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.opportunity.MoveParticipant;
import org.opportune.api.opportunity.OpportunityEvents;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.itests.valuelimit.ValueLimitRule;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Opportunities over real HTTP on the distribution (DOMAIN §2–§6, API.md): the worked example of DOMAIN §9 from
 * creation to WON with its events and shell views, many clients moving at once (one opportunity: one active entry and
 * no lost update; many opportunities: more clients than pooled connections, every move answered), and a transition
 * rule and a probability model installed and removed while requests keep running.
 * <p>
 * "Today" is a {@link SettableClock} registered as the opportunities module's clock. The methods share one Karaf and
 * run in any order: each uses codes of its own.
 */
public class OpportunitiesIT extends RestApiTestSupport {

    private static final String OPPORTUNITIES = "/api/v1/opportunities";
    private static final String CYCLES = "/api/v1/sales-cycles";
    private static final String RULE_BUNDLE_PROPERTY = "opportune.itest.valuelimit.bundle";
    private static final String HALF_BUNDLE_PROPERTY = "opportune.itest.halfmodel.bundle";
    private static final Duration SETTLE = Duration.ofSeconds(30);


    private final SettableClock clock = new SettableClock(LocalDate.of(2024, 6, 3));
    private ServiceRegistration<Clock> clockRegistration;

    @Override
    protected Option[] additionalOptions() {
        Path bundles = Path.of("target", "itest-bundles");
        return new Option[] {
            systemProperty(RULE_BUNDLE_PROPERTY).value(
                    ValueLimitRuleBundle.writeTo(bundles.resolve("valuelimit.jar")).toUri().toString()),
            systemProperty(HALF_BUNDLE_PROPERTY).value(
                    HalfModelBundle.writeTo(bundles.resolve("halfmodel.jar")).toUri().toString()),
        };
    }

    @Before
    public void registerClock() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(OpportunityService.CLOCK_PROPERTY, "itest");
        properties.put("service.ranking", 100);
        clockRegistration = bundleContext.registerService(Clock.class, clock, properties);
    }

    @After
    public void unregisterClock() {
        clockRegistration.unregister();
    }

    // ---------------------------------------------------------------- the worked example of DOMAIN §9

    @Test
    public void workedExampleFromCreationToWon() {
        setUp("LIFE", "MULTIPLY");
        List<Event> events = new CopyOnWriteArrayList<>();
        ServiceRegistration<EventHandler> listener = listen(events);
        try {
            clock.set(LocalDate.of(2024, 1, 10));
            Response created = http("POST", OPPORTUNITIES, """
                    {"description": "Worked example", "contactNo": "%s", "salesCycleCode": "LIFE",
                     "activate": {"estimatedValue": 10000, "chancesOfSuccessPercent": 25,
                                  "estimatedCloseDate": "2024-03-31"}}""".formatted(contact("LIFE")));
            assertEquals(created.body(), 201, created.status());
            JsonNode opportunity = created.json();
            String no = opportunity.path("no").asText();
            assertTrue(no, no.matches("OP\\d{6}"));
            assertTrue(created.header("Location"), created.header("Location").endsWith(OPPORTUNITIES + "/" + no));
            assertEquals("the contact's salesperson", "SPLIFE", opportunity.path("salespersonCode").asText());
            assertEquals("2024-01-10", opportunity.path("creationDate").asText());
            assertCurrent(opportunity, "IN_PROGRESS", 1, "10000", "25", "10", "2.5", "250", "2024-03-31");

            JsonNode options = http("GET", OPPORTUNITIES + "/" + no + "/updates/options", null).json();
            assertEquals("from stage 1 SKIP offers stages 2, 3 and 4", List.of(2, 3, 4), candidates(options, "SKIP"));
            assertTrue(options.toString(), option(options, "NEXT").path("possible").asBoolean());
            assertEquals("options write nothing", opportunity.path("version"),
                    http("GET", OPPORTUNITIES + "/" + no, null).json().path("version"));

            clock.set(LocalDate.of(2024, 1, 20));
            String tag = etag(created);
            Response next = http("POST", OPPORTUNITIES + "/" + no + "/updates", "{\"action\": \"NEXT\"}",
                    "If-Match", tag);
            assertEquals(next.body(), 200, next.status());
            assertCurrent(next.json(), "IN_PROGRESS", 2, "10000", "40", "30", "12", "1200", "2024-01-30");
            assertProblem(http("POST", OPPORTUNITIES + "/" + no + "/updates", "{\"action\": \"NEXT\"}",
                    "If-Match", tag), 412);

            clock.set(LocalDate.of(2024, 2, 5));
            Response third = http("POST", OPPORTUNITIES + "/" + no + "/updates", """
                    {"action": "NEXT", "estimatedValue": 12000, "chancesOfSuccessPercent": 55}""",
                    "If-Match", etag(next));
            assertEquals(third.body(), 200, third.status());
            assertCurrent(third.json(), "IN_PROGRESS", 3, "12000", "55", "60", "33", "3960", "2024-02-12");
            JsonNode skip = option(http("GET", OPPORTUNITIES + "/" + no + "/updates/options", null).json(), "SKIP");
            assertFalse("from stage 3 SKIP is not possible: " + skip, skip.path("possible").asBoolean());

            assertProblem(http("POST", OPPORTUNITIES + "/" + no + "/close",
                    "{\"outcome\": \"WON\", \"closeCode\": \"PRICE\", \"value\": 11500}"), 400, "closeCode");
            clock.set(LocalDate.of(2024, 2, 15));
            Response won = http("POST", OPPORTUNITIES + "/" + no + "/close",
                    "{\"outcome\": \"WON\", \"closeCode\": \"WIN1\", \"value\": 11500}", "If-Match", etag(third));
            assertEquals(won.body(), 200, won.status());
            JsonNode closed = won.json();
            assertCurrent(closed, "WON", 0, "12000", "100", "100", "100", "11500", "2024-02-15");
            assertTrue(closed.path("closed").asBoolean());
            assertEquals("2024-02-15", closed.path("dateClosed").asText());
            assertEquals("WIN1", closed.path("closeCode").asText());

            JsonNode entries = list(OPPORTUNITIES + "/" + no + "/entries");
            assertEquals(List.of("1", "2", "3", "0"), values(entries, "stage"));
            assertEquals(List.of("NONE", "NEXT", "NEXT", "WON"), values(entries, "actionTaken"));
            assertEquals(List.of("10", "16", "10", "0"), values(entries, "daysOpen"));
            assertEquals(List.of("false", "false", "false", "true"), values(entries, "active"));
            assertEquals("3", entries.path("items").get(3).path("previousStage").asText());
            assertEquals("2024-02-15", entries.path("items").get(3).path("estimatedCloseDate").asText());
            assertAmount("11500", entries.path("items").get(3).path("calculatedCurrentValue"));

            // closed is final, and what is closed may be deleted with its history
            assertProblem(http("POST", OPPORTUNITIES + "/" + no + "/updates", "{\"action\": \"PREVIOUS\"}"), 409);
            assertProblem(http("POST", OPPORTUNITIES + "/" + no + "/close",
                    "{\"outcome\": \"LOST\", \"closeCode\": \"PRICE\"}"), 409);
            assertUnchanged(OPPORTUNITIES + "/" + no, closed);

            String shown = executeCommand("opportunity:show " + no);
            assertTrue(shown, shown.contains("WON") && shown.contains("WIN1"));
            String history = executeCommand("opportunity:entries " + no);
            assertTrue(history, history.contains("NEXT") && history.contains("2024-02-15"));

            eventually(SETTLE, () -> assertEquals(List.of("CREATED", "STAGE_CHANGED", "STAGE_CHANGED",
                    "STAGE_CHANGED", "CLOSED"), topicsOf(events, no)));
            Event close = events.stream().filter(event -> no.equals(event.getProperty(OpportunityEvents.OPPORTUNITY_NO))
                    && event.getTopic().endsWith("CLOSED")).findFirst().orElseThrow();
            assertEquals("WON", String.valueOf(close.getProperty(OpportunityEvents.STATUS)));

            assertWorkedExampleStatistics(no);

            Response deleted = http("DELETE", OPPORTUNITIES + "/" + no, null, "If-Match", etag(won));
            assertEquals(deleted.body(), 204, deleted.status());
            assertProblem(http("GET", OPPORTUNITIES + "/" + no, null), 404);
            assertProblem(http("GET", OPPORTUNITIES + "/" + no + "/entries", null), 404);
            eventually(SETTLE, () -> assertTrue(topicsOf(events, no).contains("DELETED")));
        } finally {
            listener.unregister();
        }
    }

    /** DOMAIN §8 on the closed worked example: now, and as of a day while it was at stage 2. */
    private void assertWorkedExampleStatistics(String no) {
        JsonNode cycle = http("GET", CYCLES + "/LIFE/statistics", null).json();
        assertEquals(cycle.toString(), 0, cycle.path("open").path("count").asInt());
        List<String> days = new ArrayList<>();
        cycle.path("stages").forEach(stage -> days.add(new BigDecimal(stage.path("averageDays").asText())
                .stripTrailingZeros().toPlainString()));
        assertEquals(List.of("10", "16", "10", "0"), days);
        assertAmount("36", cycle.path("total").path("averageDays"));

        JsonNode asOf = http("GET", CYCLES + "/LIFE/statistics?asOf=2024-01-25", null).json();
        assertEquals(asOf.toString(), 1, asOf.path("stages").get(1).path("figures").path("count").asInt());
        assertAmount("1200", asOf.path("open").path("calculatedCurrentValue"));
        assertProblem(http("GET", CYCLES + "/LIFE/statistics?asOf=yesterday", null), 400, "asOf");
        assertProblem(http("GET", CYCLES + "/LIFE/statistics?estimatedCloseDateFrom=2024-02-01"
                + "&estimatedCloseDateTo=2024-01-01", null), 400, "estimatedCloseDateTo");
        assertProblem(http("GET", CYCLES + "/NOPE/statistics", null), 404);

        JsonNode salesperson = http("GET", "/api/v1/salespeople/SPLIFE/statistics", null).json();
        assertEquals(salesperson.toString(), 1, salesperson.path("figures").path("count").asInt());
        assertAmount("11500", salesperson.path("averageCalculatedCurrentValue"));
        JsonNode contact = http("GET", "/api/v1/contacts/" + contact("LIFE") + "/statistics", null).json();
        assertAmount("12000", contact.path("figures").path("estimatedValue"));
        JsonNode own = http("GET", OPPORTUNITIES + "/" + no + "/statistics", null).json();
        assertEquals(own.toString(), 4, own.path("entries").asInt());
        assertEquals(own.toString(), 36, own.path("daysOpen").asInt());
    }

    @Test
    public void anOpportunityInProgressCannotBeDeletedAndBadMovesChangeNothing() {
        setUp("GUARD", "MULTIPLY");
        String no = createActivated("GUARD", "5000");
        JsonNode before = http("GET", OPPORTUNITIES + "/" + no, null).json();
        assertProblem(http("DELETE", OPPORTUNITIES + "/" + no, null), 409);
        assertProblem(http("POST", OPPORTUNITIES + "/" + no + "/updates", "{\"action\": \"LEAP\"}"), 400, "action");
        assertProblem(http("POST", OPPORTUNITIES + "/" + no + "/updates", "{\"action\": \"SKIP\", \"stage\": \"two\"}"),
                400, "stage");
        assertProblem(http("POST", OPPORTUNITIES + "/" + no + "/updates",
                "{\"action\": \"UPDATE\", \"chancesOfSuccessPercent\": 101}"), 400, "chancesOfSuccessPercent");
        assertProblem(http("POST", OPPORTUNITIES + "/" + no + "/updates", "{\"action\": \"PREVIOUS\"}"), 409);
        assertProblem(http("POST", OPPORTUNITIES + "/" + no + "/updates", "{\"action\": \"NEXT\"}",
                "If-Match", "\"999\""), 412);
        assertProblem(http("POST", OPPORTUNITIES + "/OP999999/updates", "{\"action\": \"NEXT\"}"), 404);
        assertUnchanged(OPPORTUNITIES + "/" + no, before);
        assertEquals(1, total(OPPORTUNITIES + "/" + no + "/entries"));
    }

    // ---------------------------------------------------------------- the move hook and who moved

    /**
     * A move participant registered at runtime takes part in every move in its transaction, sees the REST caller,
     * and refuses a move so that nothing of it is written; each entry and the opportunity say who moved it.
     */
    @Test
    public void aMoveParticipantTakesPartInEveryMoveAsTheCallerAndMayRefuse() {
        setUp("HOOK", "MULTIPLY");
        List<String> seen = new CopyOnWriteArrayList<>();
        MoveParticipant participant = move -> {
            seen.add(move.entry().actionTaken() + " " + move.action().map(Enum::name).orElse("-") + " "
                    + move.caller().userName() + " " + move.cancelOpenTasks());
            if (move.entry().estimatedValue().compareTo(new BigDecimal("900000")) > 0) {
                throw new ConflictException("the itest participant refuses values over 900000");
            }
        };
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(MoveParticipant.NAME_PROPERTY, "itest-participant");
        ServiceRegistration<MoveParticipant> registration = bundleContext.registerService(MoveParticipant.class,
                participant, properties);
        try {
            String no = createActivated("HOOK", "5000");
            Response moved = http("POST", OPPORTUNITIES + "/" + no + "/updates",
                    "{\"action\": \"NEXT\", \"cancelOpenTasks\": true}");
            assertEquals(moved.body(), 200, moved.status());
            assertEquals(ADMIN, moved.json().path("changedBy").asText());
            assertFalse(moved.body(), moved.json().path("changedAt").asText().isEmpty());
            JsonNode before = http("GET", OPPORTUNITIES + "/" + no, null).json();

            assertProblem(http("POST", OPPORTUNITIES + "/" + no + "/updates",
                    "{\"action\": \"UPDATE\", \"estimatedValue\": 950000}"), 409);
            assertUnchanged(OPPORTUNITIES + "/" + no, before);
            assertEquals("the refused move left no entry", 2, total(OPPORTUNITIES + "/" + no + "/entries"));
            Response closed = http("POST", OPPORTUNITIES + "/" + no + "/close",
                    "{\"outcome\": \"LOST\", \"closeCode\": \"PRICE\"}");
            assertEquals(closed.body(), 200, closed.status());

            assertEquals(List.of("NONE - admin false", "NEXT NEXT admin true", "UPDATED UPDATE admin false",
                    "LOST - admin true"), seen);
            for (JsonNode entry : http("GET", OPPORTUNITIES + "/" + no + "/entries", null).json().path("items")) {
                assertEquals(entry.toString(), ADMIN, entry.path("changedBy").asText());
            }
        } finally {
            registration.unregister();
        }
    }

    // ---------------------------------------------------------------- concurrency

    /**
     * Many clients move one opportunity at once, each with the version it read: every move either succeeds or is
     * refused with 412/409, and the history is one chain — each entry starts where the one before ended, one active.
     */
    @Test
    public void concurrentMovesOfOneOpportunityKeepOneActiveEntryAndLoseNothing() throws Exception {
        setUp("RACE", "MULTIPLY");
        String no = createActivated("RACE", "1000");
        long createdVersion = http("GET", OPPORTUNITIES + "/" + no, null).json().path("version").asLong();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        runClients(12, client -> {
            for (int round = 0; round < 12; round++) {
                Response read = http("GET", OPPORTUNITIES + "/" + no, null);
                int stage = read.json().path("currentStage").asInt();
                String action = stage == 1 ? "NEXT" : stage == 4 ? "PREVIOUS"
                        : ThreadLocalRandom.current().nextBoolean() ? "NEXT" : "PREVIOUS";
                Response moved = http("POST", OPPORTUNITIES + "/" + no + "/updates",
                        "{\"action\": \"" + action + "\"}", "If-Match", read.header("ETag"));
                statuses.computeIfAbsent(moved.status(), status -> new AtomicInteger()).incrementAndGet();
            }
        });
        assertTrue("only 200, 409 or 412: " + statuses, List.of(200, 409, 412).containsAll(statuses.keySet()));
        int succeeded = statuses.getOrDefault(200, new AtomicInteger()).get();
        assertTrue("some moves succeed: " + statuses, succeeded > 0);

        JsonNode entries = list(OPPORTUNITIES + "/" + no + "/entries?limit=500");
        assertEquals("one entry per successful move, after the first", 1 + succeeded, entries.path("total").asInt());
        List<String> active = values(entries, "active");
        assertEquals("exactly one active entry: " + active, 1, Collections.frequency(active, "true"));
        assertEquals("the last one", "true", active.get(active.size() - 1));
        JsonNode items = entries.path("items");
        for (int i = 1; i < items.size(); i++) {
            assertEquals("entry " + i + " starts where the one before ended: " + items,
                    items.get(i - 1).path("stage").asInt(), items.get(i).path("previousStage").asInt());
        }
        JsonNode opportunity = http("GET", OPPORTUNITIES + "/" + no, null).json();
        assertEquals(items.get(items.size() - 1).path("stage").asInt(), opportunity.path("currentStage").asInt());
        assertEquals("the version counts every change", createdVersion + succeeded, opportunity.path("version").asLong());
    }

    /**
     * More clients than the DataSource pool has connections (16) move opportunities of their own at once: each move
     * holds one connection only, so every move is answered, and answered 200.
     */
    @Test
    public void moreClientsThanPooledConnectionsAreAllServed() throws Exception {
        setUp("CROWD", "MULTIPLY");
        int clients = 24;
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            numbers.add(createActivated("CROWD", "2000"));
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        runClients(clients, client -> {
            String no = numbers.get(client);
            for (int round = 0; round < 10; round++) {
                String action = round % 2 == 0 ? "NEXT" : "PREVIOUS";
                Response moved = http("POST", OPPORTUNITIES + "/" + no + "/updates",
                        "{\"action\": \"" + action + "\"}");
                statuses.computeIfAbsent(moved.status(), status -> new AtomicInteger()).incrementAndGet();
            }
        });
        assertEquals("every move succeeds: " + statuses, Map.of(200, clients * 10),
                Map.of(200, statuses.getOrDefault(200, new AtomicInteger()).get()));
        assertEquals(statuses.toString(), 1, statuses.size());
        for (String no : numbers) {
            assertEquals(11, total(OPPORTUNITIES + "/" + no + "/entries"));
        }
    }

    // ---------------------------------------------------------------- extensions at runtime

    @Test
    public void aRuleAndAModelInstalledAndRemovedWhileRequestsKeepRunning() throws Exception {
        setUp("BUSY", "MULTIPLY");
        String background = createActivated("BUSY", "3000");
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        ExecutorService traffic = Executors.newSingleThreadExecutor();
        Future<?> load = traffic.submit(() -> {
            int round = 0;
            while (running.get()) {
                Response moved = http("POST", OPPORTUNITIES + "/" + background + "/updates",
                        "{\"action\": \"" + (round++ % 2 == 0 ? "NEXT" : "PREVIOUS") + "\"}");
                Response options = http("GET", OPPORTUNITIES + "/" + background + "/updates/options", null);
                requests.addAndGet(2);
                if (moved.status() != 200 || options.status() != 200) {
                    failures.add(moved.status() + " " + moved.body() + " / " + options.status());
                }
            }
        });
        try {
            ruleComesAndGoes();
            modelComesAndGoes();
        } finally {
            running.set(false);
            load.get(60, TimeUnit.SECONDS);
            traffic.shutdown();
        }
        assertEquals("requests under way kept working", List.of(), failures);
        assertTrue("requests ran meanwhile: " + requests, requests.get() > 10);
    }

    private void ruleComesAndGoes() throws BundleException {
        String no = createActivated("BUSY", "500000");
        String big = "{\"action\": \"UPDATE\", \"estimatedValue\": 2000000}";
        Response allowed = http("POST", OPPORTUNITIES + "/" + no + "/updates", big);
        assertEquals(allowed.body(), 200, allowed.status());

        Bundle rule = bundleContext.installBundle(requiredProperty(RULE_BUNDLE_PROPERTY));
        rule.start();
        try {
            eventually(SETTLE, () -> assertTrue(extensionNames("transitionRules").contains(ValueLimitRule.NAME)));
            JsonNode before = http("GET", OPPORTUNITIES + "/" + no, null).json();
            JsonNode refused = assertProblem(http("POST", OPPORTUNITIES + "/" + no + "/updates",
                    "{\"action\": \"NEXT\", \"estimatedValue\": 3000000}"), 409);
            assertEquals(refused.toString(), ValueLimitRule.NAME, refused.path("rule").asText());
            assertTrue(refused.toString(), refused.path("rules").toString().contains(ValueLimitRule.NAME));
            assertUnchanged(OPPORTUNITIES + "/" + no, before);
            JsonNode option = option(http("GET", OPPORTUNITIES + "/" + no + "/updates/options", null).json(), "NEXT");
            assertFalse("the options apply the rule to the default values: " + option,
                    option.path("possible").asBoolean());
            assertEquals(option.toString(), ValueLimitRule.NAME, option.path("rules").path(0).asText());
            Response small = http("POST", OPPORTUNITIES + "/" + no + "/updates",
                    "{\"action\": \"UPDATE\", \"estimatedValue\": 900000}");
            assertEquals(small.body(), 200, small.status());
        } finally {
            rule.uninstall();
        }
        eventually(SETTLE, () -> assertFalse(extensionNames("transitionRules").contains(ValueLimitRule.NAME)));
        Response again = http("POST", OPPORTUNITIES + "/" + no + "/updates", big);
        assertEquals("the rule is gone with its bundle: " + again.body(), 200, again.status());
    }

    private void modelComesAndGoes() throws BundleException {
        assertProblem(http("POST", CYCLES, "{\"code\": \"HALFBUSY\", \"probabilityCalculation\": \"HALF\"}"), 400,
                "probabilityCalculation");
        Bundle half = bundleContext.installBundle(requiredProperty(HALF_BUNDLE_PROPERTY));
        half.start();
        String no;
        try {
            eventually(SETTLE, () -> assertTrue(extensionNames("probabilityModels").contains("HALF")));
            Response cycle = http("POST", CYCLES, """
                    {"code": "HALFBUSY", "probabilityCalculation": "HALF", "stages": %s}"""
                    .formatted(WORKED_EXAMPLE_STAGES));
            assertEquals(cycle.body(), 201, cycle.status());
            no = createActivated("BUSY", "HALFBUSY", "10000");
            // HALF: completed / 2; stage 1 is 10 % completed
            assertAmount("5", http("GET", OPPORTUNITIES + "/" + no, null).json().path("probabilityPercent"));
        } finally {
            half.uninstall();
        }
        eventually(SETTLE, () -> assertFalse(extensionNames("probabilityModels").contains("HALF")));
        JsonNode before = http("GET", OPPORTUNITIES + "/" + no, null).json();
        JsonNode unavailable = assertProblem(http("POST", OPPORTUNITIES + "/" + no + "/updates",
                "{\"action\": \"NEXT\"}"), 503);
        assertTrue(unavailable.toString(), unavailable.path("detail").asText().contains("HALF"));
        assertUnchanged(OPPORTUNITIES + "/" + no, before);
        assertEquals("nothing written", 1, total(OPPORTUNITIES + "/" + no + "/entries"));

        Bundle back = bundleContext.installBundle(requiredProperty(HALF_BUNDLE_PROPERTY));
        back.start();
        try {
            eventually(SETTLE, () -> assertEquals(200, http("POST", OPPORTUNITIES + "/" + no + "/updates",
                    "{\"action\": \"NEXT\"}").status()));
            // stage 2 is 30 % completed
            assertAmount("15", http("GET", OPPORTUNITIES + "/" + no, null).json().path("probabilityPercent"));
        } finally {
            back.uninstall();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A salesperson SP{code}, a company contact with that salesperson, the §9 cycle {code} and the §9 close codes. */
    private void setUp(String code, String model) {
        assertCreated(http("POST", "/api/v1/salespeople", "{\"code\": \"SP" + code + "\", \"name\": \"Seller " + code
                + "\"}"));
        assertCreated(http("POST", "/api/v1/contacts", "{\"no\": \"C" + code + "\", \"type\": \"COMPANY\", \"name\": "
                + "\"Company " + code + "\", \"salespersonCode\": \"SP" + code + "\"}"));
        assertCreated(http("POST", CYCLES, """
                {"code": "%s", "probabilityCalculation": "%s", "stages": %s}""".formatted(code, model,
                WORKED_EXAMPLE_STAGES)));
        for (String closeCode : List.of("{\"code\": \"WIN1\", \"type\": \"WON\"}",
                "{\"code\": \"PRICE\", \"type\": \"LOST\"}")) {
            Response response = http("POST", "/api/v1/close-codes", closeCode);
            assertTrue(response.body(), response.status() == 201 || response.status() == 409);
        }
    }

    private static String contact(String code) {
        return "C" + code;
    }

    /** An opportunity of the contact of {@link #setUp} {@code code}, on the cycle {@code code}, at stage 1. */
    private String createActivated(String code, String estimatedValue) {
        return createActivated(code, code, estimatedValue);
    }

    private String createActivated(String code, String cycleCode, String estimatedValue) {
        Response created = http("POST", OPPORTUNITIES, """
                {"description": "Opportunity on %s", "contactNo": "%s", "salesCycleCode": "%s",
                 "activate": {"estimatedValue": %s, "chancesOfSuccessPercent": 30, "estimatedCloseDate": "2024-12-31"}}"""
                .formatted(cycleCode, contact(code), cycleCode, estimatedValue));
        assertCreated(created);
        return created.json().path("no").asText();
    }

    private static void assertCreated(Response response) {
        assertEquals(response.body(), 201, response.status());
    }

    private static void assertCurrent(JsonNode opportunity, String status, int stage, String estimatedValue,
            String chances, String completed, String probability, String currentValue, String closeDate) {
        String shown = opportunity.toString();
        assertEquals(shown, status, opportunity.path("status").asText());
        assertEquals(shown, stage, opportunity.path("currentStage").asInt());
        assertAmount(estimatedValue, opportunity.path("estimatedValue"));
        assertAmount(chances, opportunity.path("chancesOfSuccessPercent"));
        assertAmount(completed, opportunity.path("completedPercent"));
        assertAmount(probability, opportunity.path("probabilityPercent"));
        assertAmount(currentValue, opportunity.path("calculatedCurrentValue"));
        assertEquals(shown, closeDate, opportunity.path("estimatedCloseDate").asText());
    }

    private static JsonNode option(JsonNode options, String action) {
        for (JsonNode option : options.path("options")) {
            if (action.equals(option.path("action").asText())) {
                return option;
            }
        }
        throw new AssertionError("no option " + action + " in " + options);
    }

    private static List<Integer> candidates(JsonNode options, String action) {
        List<Integer> stages = new ArrayList<>();
        option(options, action).path("candidateStages").forEach(stage -> stages.add(stage.asInt()));
        return stages;
    }

    private List<String> extensionNames(String kind) {
        List<String> names = new ArrayList<>();
        http("GET", "/api/v1/extensions", null).json().path(kind).forEach(entry -> names.add(entry.path("name").asText()));
        return names;
    }

    private ServiceRegistration<EventHandler> listen(List<Event> events) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, OpportunityEvents.TOPIC_ALL);
        return bundleContext.registerService(EventHandler.class, events::add, properties);
    }

    private static List<String> topicsOf(List<Event> events, String no) {
        return events.stream().filter(event -> no.equals(event.getProperty(OpportunityEvents.OPPORTUNITY_NO)))
                .map(event -> event.getTopic().substring(event.getTopic().lastIndexOf('/') + 1)).toList();
    }

    /** Runs {@code clients} clients at once, each with its index, and waits for all (failing on any exception). */
    private static void runClients(int clients, ClientWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                running.add(pool.submit(() -> {
                    work.run(client);
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(3, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ClientWork {
        void run(int client) throws Exception;
    }
}
