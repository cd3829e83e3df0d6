package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * The tasks module stopped and started again while clients keep moving opportunities (DOMAIN §10): half of them move
 * into a stage that names an activity, half on a cycle without activities. While the module is stopped the moves
 * into the activity's stage are refused with 503 naming the tasks module and write nothing (no entry, no task made or
 * canceled, read straight from the database), every other move goes on; once it is back they work again, and every
 * committed move into the stage has exactly its activity's tasks.
 */
public class TasksModuleRuntimeIT extends RestApiTestSupport {
    private static final String TASKS_BUNDLE = "org.opportune.tasks";
    private static final String OPPORTUNITIES = "/api/v1/opportunities";
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final int CLIENTS_PER_KIND = 2;
    /** What each client must have done in a phase before the test moves on. */
    private static final int MOVES_PER_PHASE = 3;

    private enum Phase { BEFORE, STOPPING, STOPPED, STARTING, STARTED }

    /** One answered move: who, what, the answer, and the phases in which it was sent and answered. */
    private record Outcome(int client, boolean activityCycle, String action, int status, String body, Phase sent,
                           Phase answered) {
        boolean within(Phase phase) {
            return sent == phase && answered == phase;
        }

        boolean intoTheActivity() {
            return activityCycle && "NEXT".equals(action);
        }
    }

    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private volatile Phase phase = Phase.BEFORE;

    @Test
    public void movesGoOnWhileTheTasksModuleStopsAndStarts() throws Exception {
        setUp();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 2 * CLIENTS_PER_KIND; i++) {
            numbers.add(createActivated(i < CLIENTS_PER_KIND ? "RTA" : "RTP"));
        }
        List<String> activityDeals = numbers.subList(0, CLIENTS_PER_KIND);
        Bundle tasks = requiredBundle(TASKS_BUNDLE);

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(numbers.size());
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            int client = i;
            clients.add(pool.submit(() -> moveUntilStopped(client, client < CLIENTS_PER_KIND, numbers.get(client),
                    running)));
        }
        try {
            awaitEveryClient(Phase.BEFORE, outcome -> outcome.status() == 200);

            phase = Phase.STOPPING;
            tasks.stop();
            phase = Phase.STOPPED;
            // each client sends one request at a time: once each has been refused in this phase, nothing of the
            // module's is under way any more, and the tasks in the database may not change until it is started
            awaitEveryClient(Phase.STOPPED, outcome -> !outcome.activityCycle() || outcome.status() == 503);
            Map<String, String> tasksWhileStopped = taskRows(activityDeals);
            JsonNode unavailable = assertProblem(http("GET", "/api/v1/tasks", null), 503);
            assertTrue(unavailable.toString(), unavailable.path("detail").asText().contains("tasks"));
            assertEquals("DOWN", httpWithoutCredentials("GET", "/api/v1/health", null).json().path("modules")
                    .path("tasks").asText());
            awaitEveryClient(Phase.STOPPED, outcome -> outcome.intoTheActivity() ? outcome.status() == 503
                    : outcome.status() == 200, MOVES_PER_PHASE);
            assertEquals("no task made or canceled while the module was stopped", tasksWhileStopped,
                    taskRows(activityDeals));

            phase = Phase.STARTING;
            tasks.start();
            phase = Phase.STARTED;
            awaitEveryClient(Phase.STARTED, outcome -> outcome.intoTheActivity() ? outcome.status() == 200 : true,
                    MOVES_PER_PHASE);
        } finally {
            running.set(false);
            pool.shutdown();
            for (Future<?> client : clients) {
                client.get(2, TimeUnit.MINUTES);
            }
            if (tasks.getState() != Bundle.ACTIVE) {
                tasks.start();
            }
        }
        awaitHealthUp();
        Map<String, Long> summary = new TreeMap<>();
        outcomes.forEach(o -> summary.merge(o.sent() + (o.activityCycle() ? " activity " : " plain ") + o.action()
                + " " + o.status(), 1L, Long::sum));
        System.out.println("TASKS_RUNTIME " + summary);

        Set<Integer> backAgain = new TreeSet<>();
        for (Outcome outcome : outcomes) { // in each client's order: a client sends one request at a time
            // a move sent before the stop and answered after it began may find the module away
            boolean refusable = outcome.intoTheActivity() && outcome.answered() != Phase.BEFORE
                    && !backAgain.contains(outcome.client());
            assertTrue("only a move into the activity's stage may be refused, and only while the module was away: "
                    + outcome, outcome.status() == 200 || refusable && outcome.status() == 503);
            if (outcome.intoTheActivity() && outcome.status() == 200 && outcome.sent() == Phase.STARTED) {
                backAgain.add(outcome.client());
            }
            if (outcome.status() == 503) {
                assertTrue(outcome.toString(), outcome.body().contains("tasks"));
            }
            if (outcome.within(Phase.STOPPED)) {
                assertEquals("while the module was stopped: " + outcome, outcome.intoTheActivity() ? 503 : 200,
                        outcome.status());
            }
        }
        for (int client = 0; client < numbers.size(); client++) {
            String no = numbers.get(client);
            long acknowledged = acknowledged(client);
            JsonNode entries = list(OPPORTUNITIES + "/" + no + "/entries?limit=500").path("items");
            assertEquals(no + ": the first entry and one per acknowledged move, none for a refused one",
                    1 + acknowledged, entries.size());
            assertTasksPerEntry(no, entries, client < CLIENTS_PER_KIND);
        }
    }

    /** Moves its opportunity back and forth between stages 1 and 2 until told to stop; records every answer. */
    private void moveUntilStopped(int client, boolean activityCycle, String no, AtomicBoolean running) {
        int stage = 1;
        while (running.get()) {
            String action = stage == 1 ? "NEXT" : "PREVIOUS";
            Phase sent = phase;
            Response moved = http("POST", OPPORTUNITIES + "/" + no + "/updates",
                    "{\"action\": \"" + action + "\", \"cancelOpenTasks\": " + "NEXT".equals(action) + "}");
            outcomes.add(new Outcome(client, activityCycle, action, moved.status(), moved.body(), sent, phase));
            if (moved.status() == 200) {
                stage = moved.json().path("currentStage").asInt();
            }
        }
    }

    private void awaitEveryClient(Phase within, Predicate<Outcome> expected) {
        awaitEveryClient(within, expected, 1);
    }

    /**
     * Waits until every client has {@code count} answers sent and answered within {@code phase} that are as
     * {@code expected} (its moves into the activity's stage, for an activity client).
     */
    private void awaitEveryClient(Phase within, Predicate<Outcome> expected, int count) {
        eventually(SETTLE, () -> {
            for (int client = 0; client < 2 * CLIENTS_PER_KIND; client++) {
                int c = client;
                long seen = outcomes.stream().filter(o -> o.client() == c && o.within(within) && expected.test(o)
                        && (!o.activityCycle() || o.intoTheActivity())).count();
                assertTrue("client " + client + " in " + within + ": " + seen + " of " + count + "; its last answer: "
                        + lastOf(client), seen >= count);
            }
        });
    }

    private String lastOf(int client) {
        return outcomes.stream().filter(o -> o.client() == client).reduce((first, second) -> second)
                .map(Outcome::toString).orElse("none");
    }

    private long acknowledged(int client) {
        return outcomes.stream().filter(o -> o.client() == client && o.status() == 200).count();
    }

    /**
     * Every entry at stage 2 of an activity deal has exactly the activity's two tasks (steps 1 and 2), every other
     * entry none; each NEXT canceled the open ones first, so only the last visit's are open.
     */
    private void assertTasksPerEntry(String no, JsonNode entries, boolean activityDeal) {
        JsonNode tasks = list(OPPORTUNITIES + "/" + no + "/tasks?limit=500").path("items");
        Map<Long, List<JsonNode>> byEntry = new TreeMap<>();
        tasks.forEach(task -> byEntry.computeIfAbsent(task.path("opportunityEntryNo").asLong(), k -> new ArrayList<>())
                .add(task));
        TreeSet<Long> visits = new TreeSet<>();
        entries.forEach(entry -> {
            if (activityDeal && entry.path("stage").asInt() == 2) {
                visits.add(entry.path("entryNo").asLong());
            }
        });
        assertEquals(no + ": tasks only for the entries at the activity's stage: " + tasks, visits, byEntry.keySet());
        long lastVisit = visits.isEmpty() ? -1 : visits.last();
        for (Map.Entry<Long, List<JsonNode>> visit : byEntry.entrySet()) {
            List<String> steps = new ArrayList<>();
            visit.getValue().forEach(task -> steps.add(task.path("step").asText()));
            assertEquals(no + " entry " + visit.getKey() + ": " + visit.getValue(), Set.of("1", "2"),
                    new TreeSet<>(steps));
            assertEquals(no + " entry " + visit.getKey(), 2, steps.size());
            String status = visit.getKey() == lastVisit ? "OPEN" : "CANCELED";
            visit.getValue().forEach(task -> assertEquals(task.toString(), status, task.path("status").asText()));
        }
    }

    /** TASK_NO → STATUS:VERSION of the deals' rows in TASK, read with the distribution's DataSource (no REST needed). */
    private Map<String, String> taskRows(Collection<String> deals) throws SQLException {
        try (Connection connection = openDatabaseConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT TASK_NO, STATUS, VERSION FROM TASK WHERE OPPORTUNITY_NO = ?")) {
            Map<String, String> rows = new TreeMap<>();
            for (String deal : deals) {
                query.setString(1, deal);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.put(result.getString(1), result.getString(2) + ":" + result.getLong(3));
                    }
                }
            }
            return rows;
        }
    }

    /**
     * Salesperson SPRT, contact CRT, activity RTACT (two steps), cycle RTA whose stage 2 names it and cycle RTP that
     * names no activity.
     */
    private void setUp() {
        created(http("POST", "/api/v1/salespeople", "{\"code\": \"SPRT\", \"name\": \"Seller RT\"}"));
        created(http("POST", "/api/v1/contacts",
                "{\"no\": \"CRT\", \"type\": \"COMPANY\", \"name\": \"Company RT\", \"salespersonCode\": \"SPRT\"}"));
        created(http("POST", "/api/v1/activities", """
                {"code": "RTACT", "description": "Present", "steps": [
                  {"step": 1, "type": "PHONE_CALL", "description": "Call", "dateFormula": "2D"},
                  {"step": 2, "type": "MEETING", "description": "Meet", "dateFormula": "1W"}]}"""));
        Map<String, String> activities = new HashMap<>();
        activities.put("RTA", "\"RTACT\"");
        activities.put("RTP", "null");
        activities.forEach((cycle, activity) -> created(http("POST", "/api/v1/sales-cycles", """
                {"code": "%s", "stages": [
                  {"stage": 1, "description": "One", "completedPercent": 10, "chancesOfSuccessPercent": 20},
                  {"stage": 2, "description": "Two", "completedPercent": 30, "chancesOfSuccessPercent": 40,
                   "activityCode": %s}]}""".formatted(cycle, activity))));
    }

    private String createActivated(String cycle) {
        return created(http("POST", OPPORTUNITIES, """
                {"description": "Runtime %s", "contactNo": "CRT", "salesCycleCode": "%s",
                 "activate": {"estimatedValue": 1000, "chancesOfSuccessPercent": 30,
                              "estimatedCloseDate": "2099-12-31"}}""".formatted(cycle, cycle))).path("no").asText();
    }

    private static JsonNode created(Response response) {
        assertEquals(response.body(), 201, response.status());
        return response.json();
    }
}
