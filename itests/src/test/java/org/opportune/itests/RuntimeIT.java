package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.opportune.api.RestWhiteboard;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

/**
 * The distribution at runtime: the administrators' shell commands, a domain bundle stopped and started again
 * without restarting Karaf (and down on {@code /health} until its migrations are done), and a third party's JAX-RS
 * resource coming and going on the whiteboard.
 */
public class RuntimeIT extends RestApiTestSupport {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration MIGRATIONS_HELD = Duration.ofSeconds(3);
    private static final String CONTACTS_BUNDLE = "org.opportune.contacts";

    @Test
    public void shellCommandsShowWhatTheRestApiWrote() {
        assertEquals(201, http("POST", "/api/v1/salespeople",
                "{\"code\": \"shell1\", \"name\": \"Shelly Shellman\", \"commissionPercent\": 4}").status());
        Response contact = http("POST", "/api/v1/contacts", """
                {"type": "COMPANY", "name": "Shell Works Ltd", "salespersonCode": "SHELL1",
                 "address": {"city": "Bristol"}}""");
        assertEquals(contact.body(), 201, contact.status());
        String no = contact.json().path("no").asText();

        String salespeople = executeCommand("salesperson:list");
        assertTrue(salespeople, salespeople.contains("Code") && salespeople.contains("Name"));
        assertTrue(salespeople, salespeople.lines().anyMatch(line -> line.contains("SHELL1")
                && line.contains("Shelly Shellman")));

        String salesperson = executeCommand("salesperson:show shell1");
        assertTrue(salesperson, salesperson.contains("SHELL1") && salesperson.contains("Shelly Shellman"));
        assertTrue(salesperson, salesperson.lines().anyMatch(line -> line.contains("Changed By")
                && line.contains(ADMIN)));

        // the shell writes as the session's login, and REST shows it
        executeCommand("salesperson:update --user-name shelly shell1");
        JsonNode linked = http("GET", "/api/v1/salespeople/SHELL1", null).json();
        assertEquals(linked.toString(), "shelly", linked.path("userName").asText());
        assertEquals(linked.toString(), ADMIN, linked.path("changedBy").asText());
        assertEquals(linked.toString(), 2, linked.path("version").asInt());

        String shown = executeCommand("contact:show " + no);
        assertTrue(shown, shown.lines().anyMatch(line -> line.contains("No.") && line.contains(no)));
        assertTrue(shown, shown.lines().anyMatch(line -> line.contains("Name") && line.contains("Shell Works Ltd")));
        assertTrue(shown, shown.lines().anyMatch(line -> line.contains("Type") && line.contains("COMPANY")));
        assertTrue(shown, shown.lines().anyMatch(line -> line.contains("Salesperson") && line.contains("SHELL1")));
        assertTrue(shown, shown.lines().anyMatch(line -> line.contains("City") && line.contains("Bristol")));

        String contacts = executeCommand("contact:list");
        assertTrue(contacts, contacts.contains(no) && contacts.contains("Shell Works Ltd"));
    }

    @Test
    public void aRefusedCommandFailsAsKarafsOwnCommandsDo() {
        AssertionError failed = assertThrows(AssertionError.class, () -> executeCommand("salesperson:show NOBODY"));

        Throwable cause = failed.getCause();
        while (cause.getCause() != null && !cause.getClass().getSimpleName().equals("CommandException")) {
            cause = cause.getCause();
        }
        assertEquals("org.apache.karaf.shell.support.CommandException", cause.getClass().getName());
        assertEquals("salesperson NOBODY does not exist", cause.getMessage());
    }

    @Test
    public void contactsBundleStopsAndStartsWithoutRestartingKaraf() throws Exception {
        Response created = http("POST", "/api/v1/contacts", "{\"type\": \"PERSON\", \"name\": \"Stays Put\"}");
        assertEquals(created.body(), 201, created.status());
        String path = "/api/v1/contacts/" + created.json().path("no").asText();
        Bundle contacts = requiredBundle(CONTACTS_BUNDLE);

        contacts.stop();
        try {
            eventually(SETTLE, () -> {
                JsonNode unavailable = assertProblem(http("GET", "/api/v1/contacts", null), 503);
                assertTrue(unavailable.toString(), unavailable.path("detail").asText().contains("contacts"));
            });
            assertProblem(http("GET", path, null), 503);
            assertProblem(http("POST", "/api/v1/contacts", "{\"type\": \"PERSON\", \"name\": \"Too Early\"}"), 503);

            Response salespeople = http("GET", "/api/v1/salespeople", null);
            assertEquals("other modules keep working: " + salespeople.body(), 200, salespeople.status());

            Response health = httpWithoutCredentials("GET", "/api/v1/health", null);
            assertEquals(health.body(), 503, health.status());
            assertEquals("DOWN", health.json().path("status").asText());
            assertEquals(health.body(), "DOWN", health.json().path("modules").path("contacts").asText());
            assertEquals(health.body(), "UP", health.json().path("modules").path("salespeople").asText());
        } finally {
            contacts.start();
        }

        eventually(SETTLE, () -> assertEquals(200, http("GET", "/api/v1/contacts", null).status()));
        Response again = http("GET", path, null);
        assertEquals("data written before the stop is there: " + again.body(), 200, again.status());
        assertEquals("Stays Put", again.json().path("name").asText());
        assertEquals(201, http("POST", "/api/v1/contacts", "{\"type\": \"PERSON\", \"name\": \"After Restart\"}")
                .status());
        awaitHealthUp();
    }

    @Test
    public void aModuleIsDownOnHealthUntilItsMigrationsAreDone() throws Exception {
        Bundle contacts = requiredBundle(CONTACTS_BUNDLE);
        contacts.stop();
        ExecutorService starter = Executors.newSingleThreadExecutor();
        try {
            Future<?> started;
            try (Connection holder = openDatabaseConnection()) {
                holder.setAutoCommit(false);
                try (Statement lock = holder.createStatement()) {
                    // the module's migrations read which change sets ran: they wait until this transaction ends
                    lock.execute("LOCK TABLE DATABASECHANGELOG IN EXCLUSIVE MODE");
                }
                started = starter.submit(() -> {
                    contacts.start();
                    return null;
                });
                long until = System.nanoTime() + MIGRATIONS_HELD.toNanos();
                while (System.nanoTime() < until) {
                    Response health = httpWithoutCredentials("GET", "/api/v1/health", null);
                    assertEquals(health.body(), 503, health.status());
                    assertEquals(health.body(), "DOWN", health.json().path("modules").path("contacts").asText());
                    assertEquals(health.body(), "UP", health.json().path("modules").path("salespeople").asText());
                    Thread.sleep(100);
                }
                holder.rollback();
            }
            started.get(SETTLE.toSeconds(), TimeUnit.SECONDS);
            eventually(SETTLE, () -> assertEquals(200, httpWithoutCredentials("GET", "/api/v1/health", null).status()));
            assertEquals(200, http("GET", "/api/v1/contacts", null).status());
        } finally {
            starter.shutdownNow();
            if (contacts.getState() != Bundle.ACTIVE) {
                contacts.start();
            }
        }
    }

    @Test
    public void theOpenApiDocumentHasEveryResourceServedAndNeedsCredentials() {
        assertProblem(httpWithoutCredentials("GET", "/api/v1/openapi.json", null), 401);
        Set<String> paths = openApiPaths();
        for (JsonNode resource : http("GET", "/api/v1/extensions", null).json().path("resources")) {
            String path = resource.path("path").asText().replaceAll("\\{(\\w+):[^}]*}", "{$1}");
            assertTrue(path + " in " + paths, paths.contains(path));
        }
        Response yaml = http("GET", "/api/v1/openapi.yaml", null);
        assertEquals(200, yaml.status());
        assertTrue(yaml.body(), yaml.body().startsWith("openapi: 3."));
    }

    private Set<String> openApiPaths() {
        Response document = http("GET", "/api/v1/openapi.json", null);
        assertEquals(document.body(), 200, document.status());
        Set<String> paths = new java.util.TreeSet<>();
        document.json().path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    @Test
    public void aResourceForAStandardJaxrsWhiteboardIsNotServedByOpportune() throws InterruptedException {
        Dictionary<String, Object> standard = new Hashtable<>();
        standard.put("osgi.jaxrs.resource", "true");
        ServiceRegistration<ItestEchoResource> registration = bundleContext.registerService(ItestEchoResource.class,
                new ItestEchoResource(), standard);
        try {
            Thread.sleep(1_000); // ten times the whiteboard's reload delay: it would be served by now
            assertProblem(http("GET", "/api/v1/itest-echo?text=hello", null), 404);
        } finally {
            registration.unregister();
        }
    }

    @Test
    public void thirdPartyResourceComesAndGoes() {
        assertProblem(http("GET", "/api/v1/itest-echo?text=hello", null), 404);

        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(RestWhiteboard.RESOURCE_PROPERTY, "true");
        ServiceRegistration<ItestEchoResource> registration = bundleContext.registerService(ItestEchoResource.class,
                new ItestEchoResource(), properties);
        try {
            eventually(SETTLE, () -> {
                Response echo = http("GET", "/api/v1/itest-echo?text=hello", null);
                assertEquals(echo.body(), 200, echo.status());
                assertEquals("hello", echo.json().path("echo").asText());
            });
            assertTrue("the OpenAPI document lists it", openApiPaths().contains("/itest-echo"));
            Response posted = http("POST", "/api/v1/itest-echo", "{\"a\": [1, 2]}");
            assertEquals(posted.body(), 200, posted.status());
            assertEquals(2, posted.json().path("echo").path("a").size());

            // the house rules apply to it too: authentication and problem+json errors
            Response anonymous = httpWithoutCredentials("GET", "/api/v1/itest-echo?text=hello", null);
            assertProblem(anonymous, 401);
            assertTrue(anonymous.header("WWW-Authenticate").startsWith("Basic"));
            assertProblem(send(baseUri(), "GET", "/api/v1/itest-echo?text=hello", null,
                    basicAuthorization(ADMIN, "wrong")), 401);
            assertProblem(http("GET", "/api/v1/itest-echo", null), 400, "text");
            assertProblem(http("POST", "/api/v1/itest-echo", "{\"a\": "), 400);
            assertProblem(http("POST", "/api/v1/itest-echo", "a", "Content-Type", "text/plain"), 415);
            assertProblem(postDeclaringBodyOf("/api/v1/itest-echo", 1_100_000), 413);
            assertProblem(http("DELETE", "/api/v1/itest-echo", null), 405);
            assertProblem(http("GET", "/api/v1/itest-echo/nested", null), 404);
        } finally {
            unregisterAndAwaitGone(registration);
        }

        assertEquals("the API's own resources are still served", 200,
                http("GET", "/api/v1/salespeople", null).status());
        awaitHealthUp();
    }

    /**
     * API.md: never a 500 for anything a client sent. Resources coming and going make the whiteboard swap the Jersey
     * application; requests under way at that moment must still be answered.
     */
    @Test
    public void requestsUnderWayAreAnsweredWhileResourcesComeAndGo() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        List<Future<?>> load = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            load.add(clients.submit(() -> {
                while (running.get()) {
                    try {
                        Response response = http("GET", "/api/v1/salespeople?limit=500", null);
                        statuses.merge(response.status(), 1, Integer::sum);
                        if (response.status() != 200 && failures.size() < 5) {
                            failures.add(response.status() + " " + response.body());
                        }
                    } catch (RuntimeException e) { // no answer at all
                        statuses.merge(-1, 1, Integer::sum);
                        failures.add(e.toString());
                    }
                }
            }));
        }
        try {
            for (int round = 0; round < 10; round++) {
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put(RestWhiteboard.RESOURCE_PROPERTY, "true");
                ServiceRegistration<ItestEchoResource> registration = bundleContext.registerService(
                        ItestEchoResource.class, new ItestEchoResource(), properties);
                eventually(SETTLE, () -> assertEquals(200, http("GET", "/api/v1/itest-echo?text=up", null).status()));
                unregisterAndAwaitGone(registration);
            }
        } finally {
            running.set(false);
            clients.shutdown();
            for (Future<?> client : load) {
                client.get(60, TimeUnit.SECONDS);
            }
        }
        assertTrue("requests were made: " + statuses, statuses.getOrDefault(200, 0) > 0);
        assertEquals("answers while the API reloaded: " + statuses + "; e.g. " + failures, Set.of(200),
                statuses.keySet());
    }

    private void unregisterAndAwaitGone(ServiceRegistration<?> registration) {
        registration.unregister();
        // wait for the reload, so that the next request does not meet it half-way
        eventually(SETTLE, () -> assertProblem(http("GET", "/api/v1/itest-echo?text=hello", null), 404));
    }
}
