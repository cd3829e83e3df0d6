package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.opportune.itests.OpportuneTestSupport.basicAuthorization;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.itests.OpportuneTestSupport.Response;
import org.opportune.itests.distribution.FreshDistribution;
import org.opportune.itests.distribution.KarafDistribution;
import org.opportune.itests.upgrade.SchemaDescription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An upgrade as an administrator makes it: today's distribution started on a database that the last build
 * without schema migrations made (the committed fixtures of {@code src/test/fixtures}, made by 0.1.0 at 87120d3).
 * Every record is kept and answered over REST as that build answered it, the boot logs no ERROR and no stack
 * trace, writes go on where the old ones stopped, a migration lock left by a killed node does not block the next
 * start, the upgrade's additions are there (an activity for each code a stage named, {@code daysIdle},
 * {@code maxDaysIdle}), and the upgraded schema is the one a fresh database gets.
 */
public class UpgradeIT {
    protected static final Path FIXTURES = Path.of("src/test/fixtures");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String AUTHORIZATION = basicAuthorization(OpportuneTestSupport.ADMIN,
            OpportuneTestSupport.ADMIN_PASSWORD);
    /** Figures that count days up to today: they grow every day the fixture gets older. */
    private static final Set<String> DAYS_UP_TO_TODAY = Set.of("days", "daysOpen", "averageDays", "daysPerStage");
    private static final Path ARCHIVE = Path.of(OpportuneTestSupport.requiredProperty("opportune.distribution"));
    /** The description of the activities the upgrade makes for the codes stages named before activities existed. */
    private static final String UPGRADE_ACTIVITY = "Created by the upgrade for a sales cycle stage";

    @Rule
    public final FreshDistribution upgraded = new FreshDistribution(ARCHIVE, "upgraded", 200);
    @Rule
    public final FreshDistribution fresh = new FreshDistribution(ARCHIVE, "fresh", 200);

    /** Puts the old build's database where the distribution looks for it: its Derby under data/. */
    protected void useOldDatabase(KarafDistribution unpacked) throws IOException, InterruptedException {
        Path derby = unpacked.derbyDatabase().getParent();
        Files.createDirectories(derby);
        Process untar = new ProcessBuilder("tar", "xzf", FIXTURES.resolve("derby-87120d3.tar.gz").toAbsolutePath()
                .toString(), "-C", derby.toString()).inheritIO().start();
        assertEquals("untar the Derby fixture", 0, untar.waitFor());
    }

    /** The database a fresh distribution makes: the shipped embedded Derby. */
    protected void useNewDatabase(KarafDistribution unpacked) throws IOException {
    }

    /** Lines of {@link SchemaDescription} only this kind of database has. */
    protected List<String> databaseSpecificSchema() {
        return List.of();
    }

    /** The old build's answers the upgraded one must give; fields that hold the time of a write are kept. */
    protected Set<String> fieldsThatDiffer() {
        return Set.of();
    }

    /** Opens the database of a stopped distribution. */
    protected Connection open(KarafDistribution stopped) throws SQLException {
        return DriverManager.getConnection("jdbc:derby:" + stopped.derbyDatabase().toAbsolutePath());
    }

    /** Lets go of what {@link #open} opened (the embedded Derby stays booted in this JVM otherwise). */
    protected void close(KarafDistribution stopped) {
        try {
            DriverManager.getConnection("jdbc:derby:" + stopped.derbyDatabase().toAbsolutePath() + ";shutdown=true");
        } catch (SQLException shutDown) {
            // Derby reports a shut-down database as an SQLException (08006)
        }
    }

    @Test
    public void theOldBuildsDatabaseIsKeptReadableWritableAndSchemaAlikeAFreshOne() throws Exception {
        KarafDistribution old = upgraded.get();
        useOldDatabase(old);
        old.start(START_TIMEOUT);
        assertCleanBoot(old);

        for (Path expected : expectedAnswers()) {
            boolean daysGrow = expected.getFileName().toString().matches("(statistics|reports)\\.json");
            JsonNode answers = new ObjectMapper().readTree(expected.toFile());
            for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> answer = it.next();
                Response now = OpportuneTestSupport.send(old.baseUri(), "GET", "/api/v1" + answer.getKey(), null,
                        AUTHORIZATION);
                assertEquals(answer.getKey() + ": " + now.body(), 200, now.status());
                assertContains(answer.getKey(), answer.getValue(), now.json(), daysGrow);
            }
        }
        assertWhatTheUpgradeAdds(old);
        // writes go on where the old build stopped: CT000011 was the last contact it numbered (then deleted)
        Response contact = OpportuneTestSupport.send(old.baseUri(), "POST", "/api/v1/contacts",
                "{\"type\":\"COMPANY\",\"name\":\"After The Upgrade\"}", AUTHORIZATION);
        assertEquals(contact.body(), 201, contact.status());
        assertEquals("CT000012", contact.json().path("no").asText());
        // and an opportunity moves on: its new entry numbered after the 39 the old build drew, the only active one
        Response moved = OpportuneTestSupport.send(old.baseUri(), "POST", "/api/v1/opportunities/OP000009/updates",
                "{\"action\":\"NEXT\"}", AUTHORIZATION);
        assertEquals(moved.body(), 2, moved.status() / 100);
        JsonNode entries = OpportuneTestSupport.send(old.baseUri(), "GET", "/api/v1/opportunities/OP000009/entries",
                null, AUTHORIZATION).json().path("items");
        JsonNode last = entries.get(entries.size() - 1);
        assertTrue("moved on from stage 10", last.path("stage").asInt() > 10);
        assertTrue(last.toString(), last.path("active").asBoolean() && last.path("entryNo").asLong() > 39);
        long active = 0;
        for (JsonNode entry : entries) {
            active += entry.path("active").asBoolean() ? 1 : 0;
        }
        assertEquals("one active entry", 1, active);
        // stage 20 names WORKSHOP, a step-less activity the upgrade made: the move made one TODO task (DOMAIN §10)
        assertEquals(last.toString(), 20, last.path("stage").asInt());
        JsonNode tasks = get(old, "/opportunities/OP000009/tasks").path("items");
        assertEquals(tasks.toString(), 1, tasks.size());
        JsonNode task = tasks.get(0);
        assertEquals(task.toString(), "TK000001", task.path("no").asText());
        assertEquals(task.toString(), "TODO", task.path("type").asText());
        assertEquals(task.toString(), UPGRADE_ACTIVITY, task.path("description").asText());
        assertEquals(task.toString(), last.path("dateOfChange").asText(), task.path("date").asText());
        assertEquals(task.toString(), last.path("entryNo").asLong(), task.path("opportunityEntryNo").asLong());
        assertEquals(task.toString(), "WORKSHOP", task.path("activityCode").asText());
        assertEquals(task.toString(), "JO", task.path("salespersonCode").asText());
        assertEquals(task.toString(), "OPEN", task.path("status").asText());
        old.stop(STOP_TIMEOUT);

        // a node killed during a migration leaves Liquibase's lock taken: the next start releases it
        try (Connection connection = open(old); Statement statement = connection.createStatement()) {
            assertEquals(1, statement.executeUpdate("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE,"
                    + " LOCKGRANTED = CURRENT_TIMESTAMP, LOCKEDBY = 'killed-node (10.0.0.9)' WHERE ID = 1"));
        } finally {
            close(old);
        }
        old.start(START_TIMEOUT);
        assertEquals(1, old.logLinesWith("Releasing the schema migration lock that killed-node (10.0.0.9) took").size());
        assertEquals("no ERROR", List.of(), old.errorLogLines());
        assertEquals(200, OpportuneTestSupport.send(old.baseUri(), "GET", "/api/v1/contacts/CT000012", null,
                AUTHORIZATION).status());
        old.stop(STOP_TIMEOUT);

        KarafDistribution empty = fresh.get();
        useNewDatabase(empty);
        empty.start(START_TIMEOUT);
        assertCleanBoot(empty);
        empty.stop(STOP_TIMEOUT);

        List<String> freshSchema = describe(empty);
        assertEquals("the upgraded schema is a fresh one", freshSchema, describe(old));
        assertTrue(freshSchema + " has " + databaseSpecificSchema(), freshSchema.containsAll(databaseSpecificSchema()));
    }

    /**
     * What the new build adds to the old data: every code a stage named (in the old build's answers) is an activity,
     * step-less, made by the upgrade (change set tasks-2) and guarded by the stage; every stage has no
     * {@code maxDaysIdle}; every opportunity in progress has its {@code daysIdle} (today − its active entry's date of
     * change, 0 for a date ahead: the fixture has some), the others none.
     */
    private void assertWhatTheUpgradeAdds(KarafDistribution upgraded) throws IOException {
        Set<String> named = new TreeSet<>();
        new ObjectMapper().readTree(FIXTURES.resolve("expected/sales-cycle-stages.json").toFile()).forEach(answer ->
                answer.path("items").forEach(stage -> {
                    if (!stage.path("activityCode").isNull()) {
                        named.add(stage.path("activityCode").asText());
                    }
                }));
        assertTrue(named.toString(), named.containsAll(List.of("QUALIFY", "WORKSHOP")));
        JsonNode activities = get(upgraded, "/activities?limit=500");
        Set<String> codes = new TreeSet<>();
        for (JsonNode activity : activities.path("items")) {
            codes.add(activity.path("code").asText());
            assertEquals(activity.toString(), UPGRADE_ACTIVITY, activity.path("description").asText());
            assertEquals(activity.toString(), 0, activity.path("steps").size());
            assertEquals(activity.toString(), 1, activity.path("version").asInt());
            assertEquals(activity.toString(), "system", activity.path("changedBy").asText());
        }
        assertEquals("an activity for each code the stages name", named, codes);
        Response guarded = OpportuneTestSupport.send(upgraded.baseUri(), "DELETE", "/api/v1/activities/QUALIFY", null,
                AUTHORIZATION);
        assertEquals("a stage names it: " + guarded.body(), 409, guarded.status());

        for (JsonNode cycle : get(upgraded, "/sales-cycles?limit=500").path("items")) {
            for (JsonNode stage : cycle.path("stages")) {
                assertTrue(stage.toString(), stage.has("maxDaysIdle") && stage.get("maxDaysIdle").isNull());
            }
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (JsonNode opportunity : get(upgraded, "/opportunities?limit=500").path("items")) {
            assertTrue(opportunity.toString(), opportunity.has("daysIdle"));
            if (!"IN_PROGRESS".equals(opportunity.path("status").asText())) {
                assertTrue(opportunity.toString(), opportunity.get("daysIdle").isNull());
                continue;
            }
            for (JsonNode entry : get(upgraded, "/opportunities/" + opportunity.path("no").asText()
                    + "/entries?limit=500").path("items")) {
                if (entry.path("active").asBoolean()) {
                    assertEquals(opportunity + " active since " + entry.path("dateOfChange"),
                            Math.max(0, ChronoUnit.DAYS.between(LocalDate.parse(entry.path("dateOfChange").asText()),
                                    today)),
                            opportunity.path("daysIdle").asLong());
                }
            }
        }
    }

    private static JsonNode get(KarafDistribution node, String path) {
        Response response = OpportuneTestSupport.send(node.baseUri(), "GET", "/api/v1" + path, null, AUTHORIZATION);
        assertEquals(path + ": " + response.body(), 200, response.status());
        return response.json();
    }

    private List<String> describe(KarafDistribution stopped) throws SQLException {
        try (Connection connection = open(stopped)) {
            return SchemaDescription.of(connection);
        } finally {
            close(stopped);
        }
    }

    private static void assertCleanBoot(KarafDistribution karaf) throws IOException {
        assertEquals("no ERROR", List.of(), karaf.errorLogLines());
        assertEquals("no stack trace", List.of(), karaf.stackTraceLines());
    }

    private static List<Path> expectedAnswers() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES.resolve("expected"))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Every field the old build answered is answered alike; fields added since are welcome. */
    private void assertContains(String where, JsonNode expected, JsonNode actual, boolean daysGrow) {
        if (expected.isObject()) {
            assertTrue(where + " is an object: " + actual, actual.isObject());
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = where + "." + field.getKey();
                assertTrue(path + " is missing", actual.has(field.getKey()));
                if (fieldsThatDiffer().contains(field.getKey()) || daysGrow && DAYS_UP_TO_TODAY.contains(field.getKey())) {
                    assertEquals(path + " null or not", field.getValue().isNull(), actual.get(field.getKey()).isNull());
                } else {
                    assertContains(path, field.getValue(), actual.get(field.getKey()), daysGrow);
                }
            }
        } else if (expected.isArray()) {
            assertEquals(where + " size", expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(where + "[" + i + "]", expected.get(i), actual.get(i), daysGrow);
            }
        } else if (expected.isNumber()) {
            assertTrue(where + ": " + expected + " vs " + actual, actual.isNumber()
                    && expected.decimalValue().compareTo(actual.decimalValue()) == 0);
        } else {
            assertEquals(where, expected, actual);
        }
    }
}
