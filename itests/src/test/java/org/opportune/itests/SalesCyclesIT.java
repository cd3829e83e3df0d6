package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.opportune.api.UnavailableException;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.probability.ProbabilityModelInfo;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;

/**
 * Sales-cycle setup over real HTTP (DOMAIN §1, §6, §7; API.md): the cycle of DOMAIN §9 with its stages in one
 * request, stages one by one, close codes, every refusal as problem+json, and probability models that come and go
 * at runtime with a bundle built by this test.
 * <p>
 * The methods share one Karaf (and database) and run in any order: each uses codes of its own.
 */
public class SalesCyclesIT extends RestApiTestSupport {

    private static final String CYCLES = "/api/v1/sales-cycles";
    private static final String CLOSE_CODES = "/api/v1/close-codes";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final List<String> BUILT_IN_MODELS = List.of("ADD", "CHANCES_OF_SUCCESS", "COMPLETED", "MULTIPLY");
    private static final String HALF_BUNDLE_PROPERTY = "opportune.itest.halfmodel.bundle";
    private static final String HALF_BUNDLE = HalfModelBundle.SYMBOLIC_NAME;
    private static final Duration SETTLE = Duration.ofSeconds(30);

    /** DOMAIN §9: stages 1..4 with completed / chances / formula / allow skip. */
    private static final String STANDARD_STAGES = """
            [{"stage": 1, "description": "Initial", "completedPercent": 10, "chancesOfSuccessPercent": 20,
              "dateFormula": "5D", "allowSkip": false},
             {"stage": 2, "description": "Presentation", "completedPercent": 30, "chancesOfSuccessPercent": 40,
              "dateFormula": "10D", "allowSkip": true},
             {"stage": 3, "description": "Proposal", "completedPercent": 60, "chancesOfSuccessPercent": 50,
              "dateFormula": "7D", "allowSkip": true, "activityCode": "meet"},
             {"stage": 4, "description": "Negotiation", "completedPercent": 80, "chancesOfSuccessPercent": 75,
              "dateFormula": "14D", "allowSkip": false, "quoteRequired": true}]""";

    /** Runs in the test JVM: packs the model's classes into a bundle of their own for the container to install. */
    @Override
    protected Option[] additionalOptions() {
        Path jar = HalfModelBundle.writeTo(Path.of("target", "itest-bundles", "halfmodel.jar"));
        return new Option[] { systemProperty(HALF_BUNDLE_PROPERTY).value(jar.toUri().toString()) };
    }

    // ---------------------------------------------------------------- cycles and stages

    @Test
    public void standardCycleWithFourStagesInOneRequest() {
        // a stage's activity code names an activity (DOMAIN §10): stage 3 names MEET, given in lower case
        Response activity = http("POST", "/api/v1/activities", "{\"code\": \"MEET\", \"description\": \"Meet\"}");
        assertTrue(activity.body(), activity.status() == 201 || activity.status() == 409);
        Response created = http("POST", CYCLES, """
                {"code": "std", "description": "Standard", "probabilityCalculation": "MULTIPLY", "stages": %s}"""
                .formatted(STANDARD_STAGES));
        assertEquals(created.body(), 201, created.status());
        assertTrue(created.header("Location"), created.header("Location").endsWith(CYCLES + "/STD"));
        String tag = etag(created);

        Response read = http("GET", CYCLES + "/STD", null);
        assertEquals(read.body(), 200, read.status());
        assertEquals(tag, etag(read));
        assertEquals(created.json(), read.json());
        JsonNode cycle = read.json();
        assertEquals("STD", cycle.path("code").asText());
        assertEquals("Standard", cycle.path("description").asText());
        assertEquals("MULTIPLY", cycle.path("probabilityCalculation").asText());
        assertFalse(cycle.path("blocked").asBoolean());
        assertTrue(cycle.path("probabilityModelAvailable").asBoolean());
        JsonNode stages = cycle.path("stages");
        assertEquals(cycle.toString(), 4, stages.size());
        assertStage(stages.get(0), 1, "Initial", "10", "20", "5D", false, false, null);
        assertStage(stages.get(1), 2, "Presentation", "30", "40", "10D", true, false, null);
        assertStage(stages.get(2), 3, "Proposal", "60", "50", "7D", true, false, "MEET");
        assertStage(stages.get(3), 4, "Negotiation", "80", "75", "14D", false, true, null);

        JsonNode stageList = list(CYCLES + "/STD/stages");
        assertEquals(List.of("1", "2", "3", "4"), values(stageList, "stage"));
        assertEquals(4, stageList.path("total").asInt());
        Response stage2 = http("GET", CYCLES + "/std/stages/2", null);
        assertEquals(stage2.body(), 200, stage2.status());
        assertEquals(stages.get(1), stage2.json());
        etag(stage2);

        assertEquals(List.of("STD"), values(list(CYCLES + "?q=standard"), "code"));

        // DOMAIN §9, entry 1: chances 25 at stage 1 (completed 10) with MULTIPLY is a probability of 2.5
        assertEquals(0, new BigDecimal("2.5").compareTo(probability("STD", "10", "25")));
    }

    @Test
    public void stagesAreAddedReplacedAndDeletedOneByOne() {
        Response created = http("POST", CYCLES, """
                {"code": "STAGES", "description": "Stages one by one", "stages": [
                  {"stage": 10, "description": "First", "completedPercent": 10, "chancesOfSuccessPercent": 10},
                  {"stage": 20, "description": "Second", "completedPercent": 50, "chancesOfSuccessPercent": 40}]}""");
        assertEquals(created.body(), 201, created.status());
        assertEquals("MULTIPLY is the default model", "MULTIPLY", created.json().path("probabilityCalculation").asText());
        String cycleTag = etag(created);

        Response added = http("POST", CYCLES + "/STAGES/stages", """
                {"stage": 15, "description": "In between", "completedPercent": 25, "chancesOfSuccessPercent": 30,
                 "dateFormula": "1m+cm", "allowSkip": true}""", "If-Match", cycleTag);
        assertEquals(added.body(), 201, added.status());
        assertTrue(added.header("Location"), added.header("Location").endsWith(CYCLES + "/STAGES/stages/15"));
        assertEquals("formulas are stored in canonical text", "1M+CM", added.json().path("dateFormula").asText());
        etag(added);
        Response cycleAfterAdd = http("GET", CYCLES + "/STAGES", null);
        assertEquals("stages in ascending order, gaps allowed", List.of("10", "15", "20"),
                stageNumbers(cycleAfterAdd.json()));
        assertNotEquals("adding a stage changes the cycle", cycleTag, etag(cycleAfterAdd));
        assertProblem(http("POST", CYCLES + "/STAGES/stages", "{\"stage\": 16}", "If-Match", cycleTag), 412);
        assertProblem(http("POST", CYCLES + "/STAGES/stages", "{\"stage\": 15}"), 409, "stage");

        Response stage20 = http("GET", CYCLES + "/STAGES/stages/20", null);
        String stageTag = etag(stage20);
        Response replaced = http("PUT", CYCLES + "/STAGES/stages/20", """
                {"stage": 20, "description": "Second, revised", "completedPercent": 55, "chancesOfSuccessPercent": 45,
                 "dateFormula": "CW", "quoteRequired": true}""", "If-Match", stageTag);
        assertEquals(replaced.body(), 200, replaced.status());
        assertStage(replaced.json(), 20, "Second, revised", "55", "45", "CW", false, true, null);
        assertNotEquals(stageTag, etag(replaced));
        assertProblem(http("PUT", CYCLES + "/STAGES/stages/20", "{\"stage\": 20, \"description\": \"Stale\"}",
                "If-Match", stageTag), 412);

        Response patched = http("PATCH", CYCLES + "/STAGES/stages/20", "{\"description\": \"Second, patched\"}",
                "Content-Type", MERGE_PATCH, "If-Match", etag(replaced));
        assertEquals(patched.body(), 200, patched.status());
        assertStage(patched.json(), 20, "Second, patched", "55", "45", "CW", false, true, null);
        assertProblem(http("PATCH", CYCLES + "/STAGES/stages/20", "{\"completedPercent\": 100.5}", "Content-Type",
                MERGE_PATCH), 400, "completedPercent");
        assertProblem(http("PATCH", CYCLES + "/STAGES/stages/20", "{\"stage\": 21}", "Content-Type", MERGE_PATCH), 400,
                "stage");
        assertUnchanged(CYCLES + "/STAGES/stages/20", patched.json());

        assertProblem(http("DELETE", CYCLES + "/STAGES/stages/10", null, "If-Match", "\"999\""), 412);
        Response deleted = http("DELETE", CYCLES + "/STAGES/stages/10", null);
        assertEquals(deleted.body(), 204, deleted.status());
        assertProblem(http("GET", CYCLES + "/STAGES/stages/10", null), 404);
        assertProblem(http("GET", CYCLES + "/STAGES/stages/first", null), 404);
        assertProblem(http("DELETE", CYCLES + "/STAGES/stages/10", null), 404);
        assertEquals(List.of("15", "20"), stageNumbers(http("GET", CYCLES + "/STAGES", null).json()));

        // a PUT of the cycle with stages replaces them all; without stages it keeps them
        Response current = http("GET", CYCLES + "/STAGES", null);
        Response withoutStages = http("PUT", CYCLES + "/STAGES",
                "{\"code\": \"STAGES\", \"description\": \"Renamed\", \"probabilityCalculation\": \"ADD\"}",
                "If-Match", etag(current));
        assertEquals(withoutStages.body(), 200, withoutStages.status());
        assertEquals("ADD", withoutStages.json().path("probabilityCalculation").asText());
        assertEquals(List.of("15", "20"), stageNumbers(withoutStages.json()));
        Response newStages = http("PUT", CYCLES + "/STAGES", """
                {"code": "STAGES", "description": "Renamed", "probabilityCalculation": "ADD",
                 "stages": [{"stage": 1, "completedPercent": 100, "chancesOfSuccessPercent": 0}]}""");
        assertEquals(newStages.body(), 200, newStages.status());
        assertEquals(List.of("1"), stageNumbers(newStages.json()));

        Response cycleDeleted = http("DELETE", CYCLES + "/STAGES", null, "If-Match", etag(newStages));
        assertEquals(cycleDeleted.body(), 204, cycleDeleted.status());
        assertProblem(http("GET", CYCLES + "/STAGES", null), 404);
        assertProblem(http("GET", CYCLES + "/STAGES/stages/1", null), 404);
    }

    @Test
    public void badCyclesAreRefusedAndChangeNothing() {
        long total = total(CYCLES);

        JsonNode percent = assertProblem(http("POST", CYCLES, """
                {"code": "BADPCT", "stages": [{"stage": 1, "completedPercent": 10},
                  {"stage": 2, "completedPercent": 101, "chancesOfSuccessPercent": -1}]}"""), 400,
                "stages[1].completedPercent");
        assertTrue(percent.toString(), errorFields(percent).contains("stages[1].chancesOfSuccessPercent"));
        assertProblem(http("POST", CYCLES, """
                {"code": "BADPCT", "stages": [{"stage": 1, "completedPercent": "ten"}]}"""), 400,
                "stages[0].completedPercent");
        assertProblem(http("POST", CYCLES, """
                {"code": "DUPSTAGE", "stages": [{"stage": 1}, {"stage": 2}, {"stage": 1}]}"""), 400, "stages[2].stage");
        assertProblem(http("POST", CYCLES, """
                {"code": "ZEROSTAGE", "stages": [{"stage": 0}]}"""), 400, "stages[0].stage");
        assertProblem(http("POST", CYCLES, """
                {"code": "NOSTAGE", "stages": [{"description": "Which one?"}]}"""), 400, "stages[0].stage");
        JsonNode formula = assertProblem(http("POST", CYCLES, """
                {"code": "BADFORM", "stages": [{"stage": 1, "dateFormula": "5X"}]}"""), 400, "stages[0].dateFormula");
        assertFalse(formula.toString(), formula.path("errors").get(0).path("message").asText().isBlank());
        assertProblem(http("POST", CYCLES, """
                {"code": "BADFORM", "stages": [{"stage": 1, "dateFormula": "D5"}]}"""), 400, "stages[0].dateFormula");
        assertProblem(http("POST", CYCLES, """
                {"code": "BADFORM", "stages": [{"stage": 1, "dateFormula": "1M+"}]}"""), 400, "stages[0].dateFormula");
        assertProblem(http("POST", CYCLES, """
                {"code": "BADSTAGE", "stages": [{"stage": 1, "colour": "red"}]}"""), 400, "stages[0].colour");

        JsonNode model = assertProblem(http("POST", CYCLES, "{\"code\": \"NOMODEL\", \"probabilityCalculation\": \"NOPE\"}"),
                400, "probabilityCalculation");
        for (String installed : BUILT_IN_MODELS) {
            assertTrue("lists the installed models: " + model, model.toString().contains(installed));
        }
        assertProblem(http("POST", CYCLES, "{\"code\": \"TOOLONGCODE1\"}"), 400, "code");
        assertProblem(http("POST", CYCLES, "{\"description\": \"No code\"}"), 400, "code");
        assertProblem(http("POST", CYCLES, "{\"code\": \"LONGDESC\", \"description\": \"" + "d".repeat(101) + "\"}"),
                400, "description");
        assertProblem(http("POST", CYCLES, "{\"code\": \"AVAIL\", \"probabilityModelAvailable\": false}"), 400,
                "probabilityModelAvailable");
        assertProblem(http("POST", CYCLES, "{\"code\": \"MALFORMED\", \"stages\": ["), 400);
        assertProblem(http("POST", CYCLES, "{\"code\": \"TEXT\"}", "Content-Type", "text/plain"), 415);
        assertProblem(http("GET", CYCLES + "?colour=red", null), 400, "colour");
        for (String code : List.of("BADPCT", "DUPSTAGE", "ZEROSTAGE", "NOSTAGE", "BADFORM", "BADSTAGE", "NOMODEL",
                "LONGDESC", "AVAIL", "MALFORMED", "TEXT")) {
            assertProblem(http("GET", CYCLES + "/" + code, null), 404);
        }
        assertEquals("nothing was created", total, total(CYCLES));

        // the same checks on an existing cycle, which stays as it was
        Response existing = http("POST", CYCLES, "{\"code\": \"KEEP\", \"description\": \"Kept\", \"stages\": "
                + "[{\"stage\": 1, \"completedPercent\": 10}]}");
        assertEquals(existing.body(), 201, existing.status());
        String tag = etag(existing);
        assertProblem(http("POST", CYCLES, "{\"code\": \"keep\"}"), 409, "code");
        assertProblem(http("PUT", CYCLES + "/KEEP", """
                {"code": "KEEP", "stages": [{"stage": 1}, {"stage": 1}]}""", "If-Match", tag), 400, "stages[1].stage");
        assertProblem(http("PUT", CYCLES + "/KEEP", """
                {"code": "KEEP", "stages": [{"stage": 1, "completedPercent": 100.000001}]}"""), 400,
                "stages[0].completedPercent");
        assertProblem(http("PATCH", CYCLES + "/KEEP", "{\"probabilityCalculation\": \"NOPE\"}", "Content-Type",
                MERGE_PATCH), 400, "probabilityCalculation");
        assertProblem(http("PATCH", CYCLES + "/KEEP", "{\"stages\": [{\"stage\": 1, \"dateFormula\": \"CD\"}]}",
                "Content-Type", MERGE_PATCH), 400, "stages[0].dateFormula");
        assertProblem(http("PATCH", CYCLES + "/KEEP", "{\"code\": \"OTHER\"}"), 400, "code");
        assertProblem(http("PATCH", CYCLES + "/KEEP", "{\"version\": 99}"), 400, "version");
        assertUnchanged(CYCLES + "/KEEP", existing.json());

        Response changed = http("PATCH", CYCLES + "/KEEP", "{\"blocked\": true}", "If-Match", tag);
        assertEquals(changed.body(), 200, changed.status());
        assertTrue(changed.json().path("blocked").asBoolean());
        assertEquals("a PATCH without stages keeps them", List.of("1"), stageNumbers(changed.json()));
        assertProblem(http("PATCH", CYCLES + "/KEEP", "{\"description\": \"Stale\"}", "If-Match", tag), 412);
        assertProblem(http("PUT", CYCLES + "/KEEP", "{\"code\": \"KEEP\", \"description\": \"Stale\"}", "If-Match",
                tag), 412);
        assertProblem(http("DELETE", CYCLES + "/KEEP", null, "If-Match", tag), 412);
        assertUnchanged(CYCLES + "/KEEP", changed.json());
        assertEquals(List.of("KEEP"), values(list(CYCLES + "?blocked=true&q=KEEP"), "code"));
    }

    @Test
    public void unknownCyclesAreNotFound() {
        assertProblem(http("GET", CYCLES + "/NOSUCH", null), 404);
        assertProblem(http("PUT", CYCLES + "/NOSUCH", "{\"code\": \"NOSUCH\"}"), 404);
        assertProblem(http("PATCH", CYCLES + "/NOSUCH", "{\"description\": \"x\"}"), 404);
        assertProblem(http("DELETE", CYCLES + "/NOSUCH", null), 404);
        assertProblem(http("GET", CYCLES + "/NOSUCH/stages", null), 404);
        assertProblem(http("POST", CYCLES + "/NOSUCH/stages", "{\"stage\": 1}"), 404);
        assertProblem(http("GET", CYCLES + "/NOSUCH/stages/1", null), 404);
        assertProblem(http("PUT", CYCLES + "/NOSUCH/stages/1", "{\"stage\": 1}"), 404);
        assertProblem(http("DELETE", CYCLES + "/NOSUCH/stages/1", null), 404);
        assertProblem(http("GET", CLOSE_CODES + "/NOSUCH", null), 404);
    }

    // ---------------------------------------------------------------- close codes

    @Test
    public void closeCodes() {
        Response won = http("POST", CLOSE_CODES, "{\"code\": \"win1\", \"type\": \"WON\", \"description\": \"Signed\"}");
        assertEquals(won.body(), 201, won.status());
        assertTrue(won.header("Location"), won.header("Location").endsWith(CLOSE_CODES + "/WIN1"));
        assertEquals("WIN1", won.json().path("code").asText());
        assertEquals("WON", won.json().path("type").asText());
        assertEquals("Signed", won.json().path("description").asText());
        String wonTag = etag(won);
        Response lost = http("POST", CLOSE_CODES, "{\"code\": \"PRICE\", \"type\": \"LOST\", \"description\": \"Too expensive\"}");
        assertEquals(lost.body(), 201, lost.status());

        Response read = http("GET", CLOSE_CODES + "/win1", null);
        assertEquals(read.body(), 200, read.status());
        assertEquals(won.json(), read.json());
        assertEquals(wonTag, etag(read));
        assertTrue(values(list(CLOSE_CODES + "?type=WON"), "code").contains("WIN1"));
        assertFalse(values(list(CLOSE_CODES + "?type=WON"), "code").contains("PRICE"));
        assertTrue(values(list(CLOSE_CODES + "?type=lost"), "code").contains("PRICE"));
        long total = total(CLOSE_CODES);

        assertProblem(http("POST", CLOSE_CODES, "{\"code\": \"MAYBE\", \"type\": \"MAYBE\"}"), 400, "type");
        assertProblem(http("POST", CLOSE_CODES, "{\"code\": \"MAYBE\", \"type\": 1}"), 400, "type");
        assertProblem(http("POST", CLOSE_CODES, "{\"code\": \"MAYBE\"}"), 400, "type");
        assertProblem(http("POST", CLOSE_CODES, "{\"type\": \"WON\"}"), 400, "code");
        assertProblem(http("POST", CLOSE_CODES, "{\"code\": \"MAYBE\", \"type\": \"WON\", \"reason\": \"x\"}"), 400,
                "reason");
        assertProblem(http("POST", CLOSE_CODES, "{\"code\": \"Win1\", \"type\": \"LOST\"}"), 409, "code");
        assertProblem(http("GET", CLOSE_CODES + "?type=MAYBE", null), 400, "type");
        assertProblem(http("GET", CLOSE_CODES + "/MAYBE", null), 404);
        assertEquals(total, total(CLOSE_CODES));

        Response changed = http("PATCH", CLOSE_CODES + "/WIN1", "{\"description\": \"Contract signed\"}",
                "If-Match", wonTag);
        assertEquals(changed.body(), 200, changed.status());
        assertEquals("Contract signed", changed.json().path("description").asText());
        assertProblem(http("PATCH", CLOSE_CODES + "/WIN1", "{\"type\": \"MAYBE\"}"), 400, "type");
        assertProblem(http("PUT", CLOSE_CODES + "/WIN1", "{\"code\": \"WIN1\", \"type\": \"LOST\"}", "If-Match",
                wonTag), 412);
        assertProblem(http("DELETE", CLOSE_CODES + "/WIN1", null, "If-Match", wonTag), 412);
        assertUnchanged(CLOSE_CODES + "/WIN1", changed.json());
        assertUnchanged(CLOSE_CODES + "/PRICE", lost.json());
    }

    // ---------------------------------------------------------------- probability models

    @Test
    public void extensionsListTheBuiltInModelsAndTheResources() {
        JsonNode models = extensionModels();
        assertEquals(models.toString(), BUILT_IN_MODELS, modelNames(models));
        for (JsonNode model : models) {
            assertEquals(model.toString(), "org.opportune.cycles", model.path("bundle").asText());
            assertEquals(model.toString(), 0, model.path("ranking").asInt());
        }
        List<String> paths = new ArrayList<>();
        http("GET", "/api/v1/extensions", null).json().path("resources")
                .forEach(resource -> paths.add(resource.path("path").asText()));
        assertTrue(paths.toString(), paths.containsAll(List.of("/salespeople", "/contacts", "/sales-cycles",
                "/sales-cycles/{code}/stages", "/close-codes", "/extensions", "/health")));
    }

    @Test
    public void probabilityModelFromABundleInstalledAtRuntime() throws BundleException {
        assertProblem(http("POST", CYCLES, "{\"code\": \"HALFEARLY\", \"probabilityCalculation\": \"HALF\"}"), 400,
                "probabilityCalculation");

        Bundle half = installHalfModel();
        try {
            Response created = http("POST", CYCLES, """
                    {"code": "HALFC", "description": "Half of completed", "probabilityCalculation": "half",
                     "stages": [{"stage": 1, "completedPercent": 60, "chancesOfSuccessPercent": 50}]}""");
            assertEquals(created.body(), 201, created.status());
            assertEquals("named as the model spells it", "HALF", created.json().path("probabilityCalculation").asText());
            assertTrue(created.json().path("probabilityModelAvailable").asBoolean());
            // the cycles module computes with the new model: 60 / 2, whatever the chances
            assertEquals(0, new BigDecimal("30").compareTo(probability("HALFC", "60", "50")));
        } finally {
            uninstallHalfModel(half);
        }

        Response orphan = http("GET", CYCLES + "/HALFC", null);
        assertEquals("a cycle whose model is gone still reads: " + orphan.body(), 200, orphan.status());
        assertEquals("HALF", orphan.json().path("probabilityCalculation").asText());
        assertFalse(orphan.json().path("probabilityModelAvailable").asBoolean());
        assertEquals(1, orphan.json().path("stages").size());
        JsonNode inList = list(CYCLES + "?q=HALFC").path("items").get(0);
        assertFalse(inList.toString(), inList.path("probabilityModelAvailable").asBoolean());
        try {
            probability("HALFC", "60", "50");
            fail("computed without its model");
        } catch (UnavailableException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("HALF"));
        }

        JsonNode refused = assertProblem(http("POST", CYCLES, """
                {"code": "HALF2", "probabilityCalculation": "HALF"}"""), 400, "probabilityCalculation");
        assertTrue(refused.toString(), refused.toString().contains("MULTIPLY"));
        assertProblem(http("GET", CYCLES + "/HALF2", null), 404);

        // the rest keeps working, the orphaned cycle included
        Response edited = http("PATCH", CYCLES + "/HALFC", "{\"description\": \"Waiting for its model\"}");
        assertEquals("a model that has gone away does not block other edits: " + edited.body(), 200, edited.status());
        assertEquals("HALF", edited.json().path("probabilityCalculation").asText());
        Response switched = http("PATCH", CYCLES + "/HALFC", "{\"probabilityCalculation\": \"COMPLETED\"}");
        assertEquals(switched.body(), 200, switched.status());
        assertTrue(switched.json().path("probabilityModelAvailable").asBoolean());
        Response other = http("POST", CYCLES, "{\"code\": \"AFTERHALF\", \"probabilityCalculation\": \"ADD\"}");
        assertEquals(other.body(), 201, other.status());
        assertEquals(0, new BigDecimal("55").compareTo(probability("AFTERHALF", "60", "50")));
        awaitHealthUp();
    }

    @Test
    public void extensionsFollowAModelBundleComingAndGoing() throws BundleException {
        assertEquals(BUILT_IN_MODELS, modelNames(extensionModels()));
        Bundle half = installHalfModel();
        try {
            eventually(SETTLE, () -> assertTrue(modelNames(extensionModels()).contains("HALF")));
            JsonNode listed = model(extensionModels(), "HALF");
            assertEquals(HALF_BUNDLE, listed.path("bundle").asText());
            assertEquals(0, listed.path("ranking").asInt());
            assertEquals("completed / 2", listed.path("description").asText());
        } finally {
            uninstallHalfModel(half);
        }
        eventually(SETTLE, () -> assertFalse(modelNames(extensionModels()).contains("HALF")));
        assertEquals("the built-in models stay", BUILT_IN_MODELS, modelNames(extensionModels()));
    }

    // ---------------------------------------------------------------- helpers

    /** Installs and starts the bundle built by {@link HalfModelBundle}; returns once the cycles module has its model. */
    private Bundle installHalfModel() throws BundleException {
        Bundle half = bundleContext.installBundle(requiredProperty(HALF_BUNDLE_PROPERTY));
        half.start();
        eventually(SETTLE, () -> assertTrue(installedModels().contains("HALF")));
        return half;
    }

    /** Uninstalls it; returns once the cycles module has let go of its model. */
    private void uninstallHalfModel(Bundle half) throws BundleException {
        half.uninstall();
        eventually(SETTLE, () -> assertFalse(installedModels().contains("HALF")));
    }

    /** The models the cycles module uses now, by its API (what /extensions shows). */
    private List<String> installedModels() {
        ServiceReference<SalesCycleService> reference = bundleContext.getServiceReference(SalesCycleService.class);
        assertTrue("SalesCycleService is registered", reference != null);
        try {
            return bundleContext.getService(reference).probabilityModels().stream()
                    .map(ProbabilityModelInfo::name).toList();
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    /** What the cycles module computes for a cycle through its API, as the opportunities module will. */
    private BigDecimal probability(String cycle, String completed, String chances) {
        ServiceReference<SalesCycleService> reference = bundleContext.getServiceReference(SalesCycleService.class);
        assertTrue("SalesCycleService is registered", reference != null);
        try {
            return bundleContext.getService(reference).probability(cycle, new BigDecimal(completed),
                    new BigDecimal(chances));
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    private JsonNode extensionModels() {
        Response extensions = http("GET", "/api/v1/extensions", null);
        assertEquals(extensions.body(), 200, extensions.status());
        return extensions.json().path("probabilityModels");
    }

    private static List<String> modelNames(JsonNode models) {
        List<String> names = new ArrayList<>();
        models.forEach(model -> names.add(model.path("name").asText()));
        return names.stream().sorted().toList();
    }

    private static JsonNode model(JsonNode models, String name) {
        for (JsonNode model : models) {
            if (name.equals(model.path("name").asText())) {
                return model;
            }
        }
        throw new AssertionError("no model " + name + " in " + models);
    }

    private static List<String> stageNumbers(JsonNode cycle) {
        List<String> numbers = new ArrayList<>();
        cycle.path("stages").forEach(stage -> numbers.add(stage.path("stage").asText()));
        return numbers;
    }

    private static void assertStage(JsonNode stage, int number, String description, String completed, String chances,
            String formula, boolean allowSkip, boolean quoteRequired, String activityCode) {
        String shown = stage.toString();
        assertEquals(shown, number, stage.path("stage").asInt());
        assertEquals(shown, description, stage.path("description").asText());
        assertEquals(shown, 0, new BigDecimal(completed).compareTo(stage.path("completedPercent").decimalValue()));
        assertEquals(shown, 0, new BigDecimal(chances).compareTo(stage.path("chancesOfSuccessPercent").decimalValue()));
        assertEquals(shown, formula, stage.path("dateFormula").asText());
        assertEquals(shown, allowSkip, stage.path("allowSkip").asBoolean());
        assertEquals(shown, quoteRequired, stage.path("quoteRequired").asBoolean());
        if (activityCode == null) {
            assertTrue(shown, stage.path("activityCode").isNull());
        } else {
            assertEquals(shown, activityCode, stage.path("activityCode").asText());
        }
        assertTrue(shown, stage.path("version").isNumber());
    }
}
