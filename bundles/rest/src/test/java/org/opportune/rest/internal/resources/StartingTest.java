package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.opportune.api.NotFoundException;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.rest.internal.http.SecurityHeaders;
import org.opportune.rest.internal.resources.InProcessApi.Reply;
import org.opportune.rest.internal.whiteboard.StartupLatch;

/**
 * While the node starts, every path but {@code /health} answers 503 with Retry-After, never a 404 for a record
 * that exists; once every installed module and built-in resource has been there, the API answers as usual for
 * good, and a module that leaves afterwards makes only its own paths 503.
 */
public class StartingTest {
    private final Map<String, Boolean> modules = new LinkedHashMap<>();
    private final SalespersonService service = mock(SalespersonService.class);
    private final SalespersonResource salespeople = new SalespersonResource();
    private final HealthResource health = new HealthResource(() -> modules);
    private static final Duration LONGEST = Duration.ofSeconds(120);
    private final SettableClock clock = new SettableClock();
    private final StartupLatch startup = new StartupLatch(() -> modules,
            Set.of(HealthResource.class.getName(), SalespersonResource.class.getName()), LONGEST, clock);
    private InProcessApi api;

    @Before
    public void setUp() {
        modules.put("contacts", true);
        modules.put("salespeople", false);
        doThrow(new NotFoundException("salesperson", "NOBODY")).when(service).get(anyString());
        doReturn(Views.jo()).when(service).get("JO");
        api = InProcessApi.starting(startup, salespeople, health);
    }

    @Test
    public void whileStartingAResourcePathAnswers503WithRetryAfterAndWhatIsMissing() {
        Reply reply = api.get("salespeople/JO");

        JsonNode problem = reply.problem(503, "unavailable");
        assertEquals(String.valueOf(StartupLatch.RETRY_AFTER_SECONDS), reply.header("Retry-After"));
        assertEquals("Opportune is starting: the module salespeople is not running yet; retry shortly",
                problem.get("detail").asText());
        assertEquals("/api/v1/salespeople/JO", problem.get("instance").asText());
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        assertEquals(SecurityHeaders.DATA_POLICY, reply.header("Content-Security-Policy"));
        assertEquals(SecurityHeaders.NO_STORE, reply.header("Cache-Control"));
    }

    @Test
    public void whileStartingAStrangerLearnsOnlyThatTheNodeStartsAndNoCredentialsAreChecked() {
        Reply stranger = api.request("GET", "salespeople/JO").send();
        Reply wrongPassword = api.request("GET", "salespeople/NOBODY").as(InProcessApi.basic("admin", "wrong"))
                .send();
        Reply noSuchPath = api.request("DELETE", "no/such/path").send();

        for (Reply reply : new Reply[] { stranger, wrongPassword, noSuchPath }) {
            reply.problem(503, "unavailable");
            assertEquals(reply.toString(), "2", reply.header("Retry-After"));
            assertNull(reply.toString(), reply.header("WWW-Authenticate"));
        }
        assertEquals(stranger.json().get("detail"), wrongPassword.json().get("detail"));
        verifyNoInteractions(service);
    }

    @Test
    public void whileStartingHealthAnswersWithoutCredentialsThatTheApiAndTheMissingModuleAreDown() {
        Reply reply = api.request("GET", "health").send();

        assertEquals(503, reply.status());
        assertEquals("application/json", reply.header("Content-Type"));
        assertEquals("DOWN", reply.json().get("status").asText());
        assertEquals("DOWN", reply.json().get("modules").get("api").asText());
        assertEquals("DOWN", reply.json().get("modules").get("salespeople").asText());
        assertEquals("UP", reply.json().get("modules").get("contacts").asText());
        assertNull(reply.header("Retry-After"));
    }

    @Test
    public void onceTheModulesAreThereTheApiAnswersAsUsual() {
        api.get("salespeople/JO").problem(503, "unavailable");

        salespeople.salespeople = service;
        modules.put("salespeople", true);

        Reply reply = api.get("salespeople/JO");
        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("JO", reply.json().get("code").asText());
        api.get("salespeople/NOBODY").problem(404, "not-found");
        api.request("GET", "salespeople/JO").send().problem(401, "unauthorized");
    }

    @Test
    public void aModuleLeavingAfterTheStartMakesOnlyItsOwnPaths503AndDoesNotCloseTheLatch() {
        salespeople.salespeople = service;
        modules.put("salespeople", true);
        assertEquals(200, api.get("salespeople/JO").status());

        salespeople.salespeople = null;
        modules.put("salespeople", false);

        Reply reply = api.get("salespeople/JO");
        JsonNode problem = reply.problem(503, "unavailable");
        assertEquals("the salespeople module is not available", problem.get("detail").asText());
        assertNull("not the starting answer", reply.header("Retry-After"));
        assertNull(startup.starting());
        api.request("GET", "no/such/path").send().problem(401, "unauthorized");
        api.get("no/such/path").problem(404, "not-found");
    }

    @Test
    public void aBuiltInResourceNotYetServedKeepsTheNodeStarting() {
        modules.put("salespeople", true);
        salespeople.salespeople = service;
        StartupLatch waiting = new StartupLatch(() -> modules, Set.of(HealthResource.class.getName(),
                SalespersonResource.class.getName(), ContactResource.class.getName()), LONGEST, clock);
        InProcessApi partial = InProcessApi.starting(waiting, salespeople, health);

        JsonNode problem = partial.get("salespeople/JO").problem(503, "unavailable");
        assertEquals("Opportune is starting: 1 of 3 built-in resources is not served yet; retry shortly",
                problem.get("detail").asText());
        JsonNode healthModules = partial.request("GET", "health").send().json().get("modules");
        assertEquals("every module runs", "UP", healthModules.get("salespeople").asText());
        assertEquals("but a client waiting for UP would get this 503", "DOWN", healthModules.get("api").asText());

        InProcessApi complete = InProcessApi.starting(waiting, salespeople, health, new ContactResource());
        assertNull("the latch opened when the complete application was served", waiting.starting());
        assertEquals(200, complete.get("salespeople/JO").status());
        assertEquals("UP", complete.request("GET", "health").send().json().get("modules").get("api").asText());
    }

    @Test
    public void withoutTheHealthResourceHealthAnswersStartingRatherThan404() {
        InProcessApi noHealth = InProcessApi.starting(startup, salespeople);

        Reply reply = noHealth.request("GET", "health").send();

        assertEquals("Opportune is starting: the module salespeople is not running yet; 1 of 2 built-in resources"
                + " is not served yet; retry shortly", reply.problem(503, "unavailable").get("detail").asText());
        assertEquals("2", reply.header("Retry-After"));
    }

    @Test
    public void theLatchNeverClosesAgainAndIsNotAskedOnceStarted() {
        AtomicInteger asked = new AtomicInteger();
        Map<String, Boolean> now = new LinkedHashMap<>(Map.of("contacts", true));
        StartupLatch latch = new StartupLatch(() -> {
            asked.incrementAndGet();
            return now;
        }, Set.of(), LONGEST, clock);

        assertNull(latch.starting());
        now.put("contacts", false);
        assertNull(latch.starting());
        assertEquals("the modules are not looked up once started", 1, asked.get());
        latch.serving(java.util.List.of());
        assertNull("a reload serving less does not close it either", latch.starting());
        assertNull(StartupLatch.started().starting());
    }

    @Test
    public void aModuleThatNeverStartsKeepsTheNodeStartingNoLongerThanTheLongestStart() {
        assertEquals("Opportune is starting: the module salespeople is not running yet; retry shortly",
                startup.starting());
        clock.advance(LONGEST.minusSeconds(1));
        assertEquals("still waiting a second before", false, startup.starting() == null);

        clock.advance(Duration.ofSeconds(1));

        assertNull("open after the longest start, the stopped module's paths answer 503 on their own",
                startup.starting());
        modules.put("salespeople", false);
        assertNull(startup.starting());
    }

    /** A clock the test moves by hand. */
    private static final class SettableClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
