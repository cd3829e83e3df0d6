package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

public class SalesCycleResourceTest {
    /** The cycle of DOMAIN §9, formulas in lower case to see them come back canonical. */
    static final String STD = """
            {"code": "std", "description": "Standard", "probabilityCalculation": "MULTIPLY", "stages": [
              {"stage": 1, "description": "Initial", "completedPercent": 10, "chancesOfSuccessPercent": 20,
               "dateFormula": "5d"},
              {"stage": 2, "description": "Qualified", "completedPercent": 30, "chancesOfSuccessPercent": 40,
               "allowSkip": true, "dateFormula": "10D"},
              {"stage": 3, "description": "Proposal", "completedPercent": 60, "chancesOfSuccessPercent": 50,
               "allowSkip": true, "dateFormula": "7D", "quoteRequired": true},
              {"stage": 4, "description": "Negotiation", "completedPercent": 80, "chancesOfSuccessPercent": 75,
               "dateFormula": "14D", "activityCode": "call"}
            ]}""";

    private final FakeSalesCycleService service = new FakeSalesCycleService();
    private final SalesCycleResource resource = new SalesCycleResource();
    private InProcessApi api;

    @Before
    public void setUp() {
        resource.cycles = service;
        api = new InProcessApi(resource);
    }

    @Test
    public void createWithFourStagesAnswers201WithLocationETagAndTheCycle() {
        Reply reply = api.send("POST", "sales-cycles", STD);

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals("http://localhost:8181/api/v1/sales-cycles/STD", reply.header("Location"));
        assertEquals("\"1\"", reply.header("ETag"));
        JsonNode body = reply.json();
        assertEquals(List.of("code", "description", "probabilityCalculation", "blocked", "probabilityModelAvailable",
                "stages", "version"), fieldNames(body));
        assertEquals("STD", body.get("code").asText());
        assertTrue(body.get("probabilityModelAvailable").asBoolean());
        assertEquals(4, body.get("stages").size());
        JsonNode first = body.get("stages").get(0);
        assertEquals(List.of("stage", "description", "completedPercent", "chancesOfSuccessPercent", "activityCode",
                "quoteRequired", "allowSkip", "dateFormula", "version"), fieldNames(first));
        assertEquals(1, first.get("stage").asInt());
        assertEquals("5D", first.get("dateFormula").asText());
        assertTrue(first.get("activityCode").isNull());
        assertEquals("CALL", body.get("stages").get(3).get("activityCode").asText());
        assertTrue(body.get("stages").get(2).get("quoteRequired").asBoolean());
    }

    @Test
    public void readBackAnswersTheSameCycleWithETag() {
        JsonNode created = api.send("POST", "sales-cycles", STD).json();

        Reply reply = api.get("sales-cycles/std");

        assertEquals(200, reply.status());
        assertEquals("\"1\"", reply.header("ETag"));
        assertEquals(created, reply.json());
        assertEquals(List.of(1, 2, 3, 4), stageNumbers(reply.json()));
    }

    @Test
    public void stagesMayBeLeftOutOnCreate() {
        Reply reply = api.send("POST", "sales-cycles", "{\"code\":\"EMPTY\"}");

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals(0, reply.json().get("stages").size());
        assertEquals("MULTIPLY", reply.json().get("probabilityCalculation").asText());
    }

    @Test
    public void unknownCycleIs404() {
        JsonNode problem = api.get("sales-cycles/NONE").problem(404, "not-found");

        assertEquals("sales cycle NONE does not exist", problem.get("detail").asText());
    }

    @Test
    public void percentOver100Is400NamingTheStageField() {
        String over100 = STD.replace("\"completedPercent\": 10", "\"completedPercent\": 101");

        JsonNode problem = api.send("POST", "sales-cycles", over100).problem(400, "validation");

        assertEquals("stages[0].completedPercent", field(problem, 0));
        assertEquals("must be between 0 and 100 (got 101)", problem.get("errors").get(0).get("message").asText());
        assertTrue("nothing was created", service.find("STD").isEmpty());
    }

    @Test
    public void badDateFormulaIs400SayingWhatIsWrong() {
        JsonNode problem = api.send("POST", "sales-cycles", STD.replace("\"10D\"", "\"10X\""))
                .problem(400, "validation");

        assertEquals("stages[1].dateFormula", field(problem, 0));
        assertTrue(problem.toString(), problem.get("errors").get(0).get("message").asText()
                .startsWith("'10X' is not a valid date formula: 'X' at position 3 is not a unit"));
    }

    @Test
    public void duplicateStageNumbersAre400() {
        JsonNode problem = api.send("POST", "sales-cycles", STD.replace("\"stage\": 3", "\"stage\": 2"))
                .problem(400, "validation");

        assertEquals("stages[2].stage", field(problem, 0));
        assertEquals("repeats stage 2 of stages[1]", problem.get("errors").get(0).get("message").asText());
    }

    @Test
    public void everyFaultOfTheBodyIsNamedAtOnce() {
        JsonNode problem = api.send("POST", "sales-cycles", """
                {"code": "BAD", "stages": [{"stage": 0, "chancesOfSuccessPercent": -1}, null]}""")
                .problem(400, "validation");

        assertEquals(List.of("stages[0].stage", "stages[0].chancesOfSuccessPercent", "stages[1]"), fields(problem));
    }

    @Test
    public void wrongTypeInAStageIs400NamingItsPath() {
        String text = STD.replace("\"completedPercent\": 30", "\"completedPercent\": \"30\"");

        JsonNode problem = api.send("POST", "sales-cycles", text).problem(400, "validation");

        assertEquals("stages[1].completedPercent", field(problem, 0));
        assertTrue(problem.toString(), problem.get("errors").get(0).get("message").asText().contains("a number"));
    }

    @Test
    public void unknownModelIs400ListingTheInstalledOnes() {
        JsonNode problem = api.send("POST", "sales-cycles", STD.replace("\"MULTIPLY\"", "\"WEIGHTED\""))
                .problem(400, "validation");

        assertEquals("probabilityCalculation", field(problem, 0));
        assertEquals("names probability model WEIGHTED, which is not installed; installed: ADD, MULTIPLY",
                problem.get("errors").get(0).get("message").asText());
    }

    @Test
    public void probabilityModelAvailableMayBeEchoedButNotSet() {
        assertEquals(201, api.send("POST", "sales-cycles", "{\"code\":\"ECHO\",\"probabilityModelAvailable\":true}")
                .status());

        JsonNode problem = api.send("POST", "sales-cycles", "{\"code\":\"SET\",\"probabilityModelAvailable\":false}")
                .problem(400, "validation");
        assertEquals("probabilityModelAvailable", field(problem, 0));
        assertTrue(service.find("SET").isEmpty());
        api.send("PATCH", "sales-cycles/ECHO", "{\"probabilityModelAvailable\":false}").problem(400, "validation");
    }

    @Test
    public void aCycleWhoseModelWentAwayReadsFineAndCanStillBeEdited() {
        service.install(FakeSalesCycleService.model("WEIGHTED", "70/30"), "org.example.weighted", 0);
        api.send("POST", "sales-cycles", STD.replace("\"MULTIPLY\"", "\"weighted\""));
        service.uninstall("WEIGHTED");

        JsonNode cycle = api.get("sales-cycles/STD").json();
        assertEquals("WEIGHTED", cycle.get("probabilityCalculation").asText());
        assertFalse(cycle.get("probabilityModelAvailable").asBoolean());

        Reply patched = api.send("PATCH", "sales-cycles/STD", "{\"description\":\"Still here\"}");
        assertEquals(patched.toString(), 200, patched.status());
        assertEquals("Still here", patched.json().get("description").asText());
        Reply echoed = api.send("PUT", "sales-cycles/STD", patched.body());
        assertEquals(echoed.toString(), 200, echoed.status());
    }

    @Test
    public void listAnswersTheEnvelopeWithFilters() {
        api.send("POST", "sales-cycles", STD);
        api.send("POST", "sales-cycles", "{\"code\":\"OLD\",\"description\":\"Old way\",\"blocked\":true}");
        api.send("POST", "sales-cycles", "{\"code\":\"FAST\",\"description\":\"Fast track\"}");

        JsonNode all = api.get("sales-cycles?limit=2").json();
        assertEquals(3, all.get("total").asInt());
        assertEquals(2, all.get("items").size());
        assertEquals(2, all.get("limit").asInt());
        assertEquals(0, all.get("offset").asInt());
        assertEquals(4, api.get("sales-cycles?q=stand").json().get("items").get(0).get("stages").size());
        JsonNode blocked = api.get("sales-cycles?blocked=true").json();
        assertEquals(1, blocked.get("total").asInt());
        assertEquals("OLD", blocked.get("items").get(0).get("code").asText());
    }

    @Test
    public void unknownFilterOrSortIs400() {
        JsonNode filter = api.get("sales-cycles?model=ADD").problem(400, "validation");
        assertEquals("model", field(filter, 0));
        assertTrue(filter.toString(), filter.get("errors").get(0).get("message").asText()
                .endsWith("known: q, blocked, offset, limit, sort"));

        assertEquals("sort", field(api.get("sales-cycles?sort=stages").problem(400, "validation"), 0));
        assertEquals("blocked", field(api.get("sales-cycles?blocked=yes").problem(400, "validation"), 0));
    }

    @Test
    public void replaceWithStaleIfMatchIs412AndChangesNothing() {
        api.send("POST", "sales-cycles", STD);

        api.request("PUT", "sales-cycles/STD").as(InProcessApi.ADMIN).header("If-Match", "\"9\"")
                .json("{\"description\":\"Other\"}").send().problem(412, "precondition-failed");

        assertEquals("Standard", service.get("STD").description());
        assertEquals(1L, service.get("STD").version().longValue());
    }

    @Test
    public void replaceWithoutStagesKeepsThemAndWithStagesReplacesThem() {
        api.send("POST", "sales-cycles", STD);

        Reply kept = api.request("PUT", "sales-cycles/STD").as(InProcessApi.ADMIN).header("If-Match", "\"1\"")
                .json("{\"description\":\"Renamed\",\"probabilityCalculation\":\"ADD\",\"blocked\":true}").send();
        assertEquals(kept.toString(), 200, kept.status());
        assertEquals("\"2\"", kept.header("ETag"));
        assertEquals("ADD", kept.json().get("probabilityCalculation").asText());
        assertEquals(List.of(1, 2, 3, 4), stageNumbers(kept.json()));

        Reply replaced = api.send("PUT", "sales-cycles/STD", "{\"stages\":[{\"stage\":10},{\"stage\":20}]}");
        assertEquals(replaced.toString(), 200, replaced.status());
        assertEquals(List.of(10, 20), stageNumbers(replaced.json()));
        assertEquals("MULTIPLY", replaced.json().get("probabilityCalculation").asText());
    }

    @Test
    public void aChangedKeyOrVersionInTheBodyIs400() {
        api.send("POST", "sales-cycles", STD);

        assertEquals("code", field(api.send("PUT", "sales-cycles/STD", "{\"code\":\"NEW\"}")
                .problem(400, "validation"), 0));
        assertEquals("version", field(api.send("PATCH", "sales-cycles/STD", "{\"version\":7}")
                .problem(400, "validation"), 0));
    }

    @Test
    public void patchKeepsTheStagesUnlessItNamesThem() {
        api.send("POST", "sales-cycles", STD);

        Reply described = api.request("PATCH", "sales-cycles/STD").as(InProcessApi.ADMIN)
                .body("application/merge-patch+json", "{\"description\":null,\"blocked\":true}"
                        .getBytes(StandardCharsets.UTF_8)).send();
        assertEquals(described.toString(), 200, described.status());
        assertTrue(described.json().get("description").isNull());
        assertTrue(described.json().get("blocked").asBoolean());
        assertEquals(4, described.json().get("stages").size());
        assertEquals("without If-Match the version just read is expected", Long.valueOf(1),
                service.expectedVersions.get(0));

        Reply staged = api.send("PATCH", "sales-cycles/STD", "{\"stages\":[{\"stage\":1,\"completedPercent\":100}]}");
        assertEquals(staged.toString(), 200, staged.status());
        assertEquals(List.of(1), stageNumbers(staged.json()));
        assertEquals(0, staged.json().get("stages").get(0).get("completedPercent").decimalValue().compareTo(
                java.math.BigDecimal.valueOf(100)));

        api.send("PATCH", "sales-cycles/STD", "{\"stages\":[{\"stage\":1,\"completedPercent\":100.5}]}")
                .problem(400, "validation");
    }

    @Test
    public void deleteAnswers204OrConflictWhenInUse() {
        api.send("POST", "sales-cycles", STD);
        api.send("POST", "sales-cycles", "{\"code\":\"BUSY\"}");
        service.inUse.add("BUSY");

        assertEquals(204, api.request("DELETE", "sales-cycles/STD").as(InProcessApi.ADMIN).send().status());
        assertTrue(service.find("STD").isEmpty());
        api.request("DELETE", "sales-cycles/BUSY").as(InProcessApi.ADMIN).send().problem(409, "conflict");
        api.request("DELETE", "sales-cycles/BUSY").as(InProcessApi.ADMIN).header("If-Match", "\"3\"").send()
                .problem(412, "precondition-failed");
    }

    @Test
    public void withoutTheCyclesModuleEveryEndpointIs503AndRecoversWhenItReturns() {
        resource.cycles = null;

        JsonNode problem = api.get("sales-cycles").problem(503, "unavailable");
        assertEquals("the cycles module is not available", problem.get("detail").asText());
        api.send("POST", "sales-cycles", STD).problem(503, "unavailable");
        api.get("sales-cycles/STD").problem(503, "unavailable");
        api.send("PATCH", "sales-cycles/STD", "{}").problem(503, "unavailable");
        api.request("DELETE", "sales-cycles/STD").as(InProcessApi.ADMIN).send().problem(503, "unavailable");

        resource.cycles = service;
        assertEquals(200, api.get("sales-cycles").status());
    }

    static String field(JsonNode problem, int index) {
        return problem.get("errors").get(index).get("field").asText();
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<Integer> stageNumbers(JsonNode cycle) {
        List<Integer> numbers = new ArrayList<>();
        cycle.get("stages").forEach(stage -> numbers.add(stage.get("stage").asInt()));
        return numbers;
    }
}
