package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.opportune.itests.OpportuneTestSupport.basicAuthorization;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.opportune.itests.OpportuneTestSupport.Response;
import org.opportune.itests.distribution.FreshDistribution;
import org.opportune.itests.distribution.KarafDistribution;

/**
 * The project the extension archetype generates, built by the archetype's integration test, dropped into
 * {@code deploy/} of a running distribution as an administrator would (copied under a temporary name, then
 * renamed) while a client keeps moving opportunities: every part goes live, works, and goes again when the jar is
 * removed, and the client never sees a 5xx or a refusal. Prints how long copy → live and delete → gone took.
 */
public class ExtensionDeployIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String AUTHORIZATION = basicAuthorization(OpportuneTestSupport.ADMIN,
            OpportuneTestSupport.ADMIN_PASSWORD);

    @Rule
    public final FreshDistribution distribution = new FreshDistribution(
            Path.of(OpportuneTestSupport.requiredProperty("opportune.distribution")), "deploy", 150);
    private KarafDistribution karaf;
    private Thread mover;
    private final AtomicBoolean moving = new AtomicBoolean(true);
    private final AtomicInteger moves = new AtomicInteger();
    private final Map<Integer, Integer> failures = new ConcurrentHashMap<>();

    @Before
    public void startDistribution() throws Exception {
        karaf = distribution.get();
        karaf.start(START_TIMEOUT);
    }

    @After
    public void stopMoving() throws InterruptedException {
        moving.set(false);
        if (mover != null) {
            mover.join(10_000);
        }
    }

    @Test
    public void theGeneratedExtensionGoesLiveAndAwayWhileClientsWork() throws Exception {
        Path jar = Path.of(OpportuneTestSupport.requiredProperty("opportune.extension.jar"));
        assertTrue("built by the archetype's integration test: " + jar, Files.isRegularFile(jar));
        setUpCycleAndOpportunities();
        startMoving(List.of("OP000001", "OP000002", "OP000003"));

        Path deploy = karaf.home().resolve("deploy");
        long copied = System.nanoTime();
        Path temporary = Files.copy(jar, deploy.resolve(".demo-extension.jar.tmp"));
        Path deployed = Files.move(temporary, deploy.resolve("demo-extension.jar"), StandardCopyOption.ATOMIC_MOVE);
        long liveMillis = awaitMillis(copied, this::everyPartListed);

        // every part works: the resource (authenticated like Opportune's), the rule, the report, the model, the handler
        assertEquals(401, send("GET", "/api/v1/won-deals", null, null).status());
        assertEquals(201, post("/api/v1/sales-cycles", "{\"code\": \"W\", \"description\": \"Weighted\", "
                + "\"probabilityCalculation\": \"WEIGHTED\", \"stages\": " + RestApiTestSupport.WORKED_EXAMPLE_STAGES
                + "}").status());
        Response refused = post("/api/v1/opportunities/OP000004/updates", "{\"action\": \"NEXT\"}");
        assertEquals(refused.body(), 409, refused.status());
        assertEquals("minimum-value", refused.json().path("rule").asText());
        Response report = send("GET", "/api/v1/reports/open-by-company?salesCycleCode=STD", null, AUTHORIZATION);
        assertEquals(report.body(), 200, report.status());
        assertEquals("CT000001", report.json().path("rows").path(0).path("company").asText());
        assertEquals(200, post("/api/v1/opportunities/OP000005/close",
                "{\"outcome\": \"WON\", \"closeCode\": \"WIN1\", \"value\": 7000}").status());
        OpportuneTestSupport.eventually(SETTLE, () -> {
            Response won = send("GET", "/api/v1/won-deals/JO", null, AUTHORIZATION);
            assertEquals(won.body(), 200, won.status());
            assertEquals(1, won.json().path("count").asInt());
        });

        long deleted = System.nanoTime();
        Files.delete(deployed);
        long goneMillis = awaitMillis(deleted, () -> !anyPartListed());
        OpportuneTestSupport.eventually(SETTLE,
                () -> assertEquals(404, send("GET", "/api/v1/won-deals", null, AUTHORIZATION).status()));

        moving.set(false);
        mover.join(10_000);
        System.out.println("HOT_DEPLOY_LIVE_MS=" + liveMillis + " HOT_DEPLOY_GONE_MS=" + goneMillis
                + " MOVES_MEANWHILE=" + moves.get());
        assertTrue("the client kept moving", moves.get() > 0);
        assertEquals("answers other than 200 to the moving client (status → count)", Map.of(), failures);
    }

    private void setUpCycleAndOpportunities() {
        assertEquals(201, post("/api/v1/salespeople", "{\"code\": \"JO\", \"name\": \"Jo Miller\"}").status());
        assertEquals(201, post("/api/v1/contacts", "{\"type\": \"COMPANY\", \"name\": \"Cronus Ltd\", "
                + "\"salespersonCode\": \"JO\"}").status());
        assertEquals(201, post("/api/v1/sales-cycles", "{\"code\": \"STD\", \"description\": \"Standard\", "
                + "\"stages\": " + RestApiTestSupport.WORKED_EXAMPLE_STAGES + "}").status());
        assertEquals(201, post("/api/v1/close-codes", "{\"code\": \"WIN1\", \"type\": \"WON\", "
                + "\"description\": \"Signed\"}").status());
        // three for the moving client, one at stage 2 worth too little for stage 3, one to win
        for (String value : List.of("10000", "10000", "10000", "1000", "7000")) {
            Response created = post("/api/v1/opportunities", "{\"description\": \"Deploy test\", \"contactNo\": "
                    + "\"CT000001\", \"salesCycleCode\": \"STD\", \"activate\": {\"estimatedValue\": " + value
                    + ", \"chancesOfSuccessPercent\": 25, \"estimatedCloseDate\": \"2099-12-31\"}}");
            assertEquals(created.body(), 201, created.status());
        }
        assertEquals(200, post("/api/v1/opportunities/OP000004/updates", "{\"action\": \"NEXT\"}").status());
    }

    /** Moves each opportunity between stages 1 and 2, over and over: no rule of the extension applies there. */
    private void startMoving(List<String> opportunities) {
        mover = new Thread(() -> {
            Map<String, Boolean> atFirst = new ConcurrentHashMap<>();
            opportunities.forEach(no -> atFirst.put(no, true));
            while (moving.get()) {
                for (String no : opportunities) {
                    String action = atFirst.get(no) ? "NEXT" : "PREVIOUS";
                    Response moved = post("/api/v1/opportunities/" + no + "/updates",
                            "{\"action\": \"" + action + "\"}");
                    if (moved.status() == 200) {
                        atFirst.put(no, !atFirst.get(no));
                        moves.incrementAndGet();
                    } else {
                        failures.merge(moved.status(), 1, Integer::sum);
                    }
                }
            }
        }, "moving-client");
        mover.start();
    }

    private boolean everyPartListed() {
        JsonNode extensions = extensions();
        return names(extensions, "probabilityModels", "name").contains("WEIGHTED")
                && names(extensions, "transitionRules", "name").contains("minimum-value")
                && names(extensions, "reports", "id").contains("open-by-company")
                && names(extensions, "resources", "path").contains("/won-deals")
                && send("GET", "/api/v1/won-deals", null, AUTHORIZATION).status() == 200;
    }

    private boolean anyPartListed() {
        JsonNode extensions = extensions();
        return names(extensions, "probabilityModels", "name").contains("WEIGHTED")
                || names(extensions, "transitionRules", "name").contains("minimum-value")
                || names(extensions, "reports", "id").contains("open-by-company")
                || names(extensions, "resources", "path").contains("/won-deals");
    }

    private JsonNode extensions() {
        Response extensions = send("GET", "/api/v1/extensions", null, AUTHORIZATION);
        assertEquals(extensions.body(), 200, extensions.status());
        return extensions.json();
    }

    private static List<String> names(JsonNode extensions, String kind, String field) {
        List<String> names = new ArrayList<>();
        extensions.path(kind).forEach(entry -> names.add(entry.path(field).asText()));
        return names;
    }

    /** Polls every 20 ms until the condition holds (at most a minute); the milliseconds since {@code start}. */
    private static long awaitMillis(long start, BooleanSupplier condition) throws InterruptedException {
        long deadline = start + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + SETTLE.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private Response post(String path, String body) {
        return send("POST", path, body, AUTHORIZATION);
    }

    private Response send(String method, String path, String body, String authorization) {
        return OpportuneTestSupport.send(karaf.baseUri(), method, path, body, authorization);
    }
}
