package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.opportune.rest.internal.resources.SalesCycleResourceTest.field;
import static org.opportune.rest.internal.resources.SalesCycleResourceTest.fieldNames;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

public class SalesCycleStageResourceTest {
    private static final String CLOSING = """
            {"stage": 5, "description": "Closing", "completedPercent": 95, "chancesOfSuccessPercent": 90,
             "quoteRequired": true, "dateFormula": "1m+cm"}""";

    private final FakeSalesCycleService service = new FakeSalesCycleService();
    private final SalesCycleResource cycles = new SalesCycleResource();
    private final SalesCycleStageResource stages = new SalesCycleStageResource();
    private InProcessApi api;

    @Before
    public void setUp() {
        cycles.cycles = service;
        stages.cycles = service;
        api = new InProcessApi(cycles, stages);
        assertEquals(201, api.send("POST", "sales-cycles", SalesCycleResourceTest.STD).status());
    }

    @Test
    public void listAnswersTheEnvelopeOfTheCyclesStages() {
        JsonNode list = api.get("sales-cycles/std/stages").json();

        assertEquals(List.of("items", "total", "offset", "limit"), fieldNames(list));
        assertEquals(4, list.get("total").asInt());
        assertEquals(50, list.get("limit").asInt());
        assertEquals(List.of(1, 2, 3, 4), numbers(list.get("items")));

        JsonNode page = api.get("sales-cycles/STD/stages?sort=-stage&offset=1&limit=2").json();
        assertEquals(4, page.get("total").asInt());
        assertEquals(List.of(3, 2), numbers(page.get("items")));
    }

    @Test
    public void listRefusesUnknownParametersAndSortsAndUnknownCycles() {
        assertEquals("q", field(api.get("sales-cycles/STD/stages?q=x").problem(400, "validation"), 0));
        JsonNode sort = api.get("sales-cycles/STD/stages?sort=description").problem(400, "validation");
        assertEquals("sort", field(sort, 0));
        assertEquals("unknown sort field 'description'; sortable: stage",
                sort.get("errors").get(0).get("message").asText());
        api.get("sales-cycles/NONE/stages").problem(404, "not-found");
    }

    @Test
    public void addAnswers201WithTheStagesLocationAndItsVersionAndChangesTheCycleVersion() {
        Reply reply = api.request("POST", "sales-cycles/std/stages").as(InProcessApi.ADMIN)
                .header("If-Match", "\"1\"").json(CLOSING).send();

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals("http://localhost:8181/api/v1/sales-cycles/STD/stages/5", reply.header("Location"));
        assertEquals("\"1\"", reply.header("ETag"));
        JsonNode stage = reply.json();
        assertEquals(5, stage.get("stage").asInt());
        assertEquals("1M+CM", stage.get("dateFormula").asText());
        assertEquals(1, stage.get("version").asInt());
        assertEquals("\"2\"", api.get("sales-cycles/STD").header("ETag"));
        assertEquals(stage, api.get("sales-cycles/STD/stages/5").json());
    }

    @Test
    public void addIsGuardedByTheCycleVersion() {
        api.request("POST", "sales-cycles/STD/stages").as(InProcessApi.ADMIN).header("If-Match", "\"2\"")
                .json(CLOSING).send().problem(412, "precondition-failed");

        assertTrue(service.findStage("STD", 5).isEmpty());
    }

    @Test
    public void addingATakenNumberIs409AndABadStageIs400NamingTheFieldWithoutPrefix() {
        JsonNode taken = api.send("POST", "sales-cycles/STD/stages", "{\"stage\":2}").problem(409, "conflict");
        assertEquals("stage", field(taken, 0));

        JsonNode bad = api.send("POST", "sales-cycles/STD/stages", CLOSING.replace("95", "100.1"))
                .problem(400, "validation");
        assertEquals("completedPercent", field(bad, 0));
        JsonNode formula = api.send("POST", "sales-cycles/STD/stages", CLOSING.replace("1m+cm", "-CM"))
                .problem(400, "validation");
        assertEquals("dateFormula", field(formula, 0));
        assertTrue(formula.toString(), formula.get("detail").asText().contains("-CM at position 1 is not supported"));
        api.send("POST", "sales-cycles/NONE/stages", CLOSING).problem(404, "not-found");
    }

    @Test
    public void getAnswersTheStageWithItsVersionAsETag() {
        Reply reply = api.get("sales-cycles/STD/stages/2");

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"1\"", reply.header("ETag"));
        assertEquals("Qualified", reply.json().get("description").asText());
        assertEquals(30, reply.json().get("completedPercent").asInt());
    }

    @Test
    public void anUnknownOrNonNumericStageIs404() {
        assertEquals("sales cycle stage STD/9 does not exist",
                api.get("sales-cycles/STD/stages/9").problem(404, "not-found").get("detail").asText());
        assertEquals("sales cycle stage STD/two does not exist",
                api.get("sales-cycles/std/stages/two").problem(404, "not-found").get("detail").asText());
        api.get("sales-cycles/STD/stages/-1").problem(404, "not-found");
        api.get("sales-cycles/STD/stages/99999999999").problem(404, "not-found");
        api.send("PUT", "sales-cycles/STD/stages/1.5", "{}").problem(404, "not-found");
        api.request("DELETE", "sales-cycles/STD/stages/x").as(InProcessApi.ADMIN).send().problem(404, "not-found");
    }

    @Test
    public void replaceIsGuardedByTheStageVersion() {
        Reply stale = api.request("PUT", "sales-cycles/STD/stages/2").as(InProcessApi.ADMIN)
                .header("If-Match", "\"2\"").json("{\"description\":\"Other\"}").send();
        stale.problem(412, "precondition-failed");
        assertEquals("Qualified", service.getStage("STD", 2).description());

        Reply fresh = api.request("PUT", "sales-cycles/STD/stages/2").as(InProcessApi.ADMIN)
                .header("If-Match", "\"1\"").json("{\"description\":\"Other\",\"completedPercent\":35}").send();
        assertEquals(fresh.toString(), 200, fresh.status());
        assertEquals("\"2\"", fresh.header("ETag"));
        assertEquals("Other", fresh.json().get("description").asText());
        assertEquals("a replace sets every field", 0, fresh.json().get("chancesOfSuccessPercent").asInt());
        assertEquals("\"2\"", api.get("sales-cycles/STD").header("ETag"));
    }

    @Test
    public void replaceRefusesAnotherNumberAndBadValues() {
        assertEquals("stage", field(api.send("PUT", "sales-cycles/STD/stages/2", "{\"stage\":3}")
                .problem(400, "validation"), 0));
        assertEquals("chancesOfSuccessPercent", field(api.send("PUT", "sales-cycles/STD/stages/2",
                "{\"chancesOfSuccessPercent\":-5}").problem(400, "validation"), 0));
        assertEquals("quoteRequired", field(api.send("PUT", "sales-cycles/STD/stages/2",
                "{\"quoteRequired\":\"yes\"}").problem(400, "validation"), 0));
    }

    @Test
    public void patchMergesIntoTheStage() {
        Reply reply = api.request("PATCH", "sales-cycles/STD/stages/3").as(InProcessApi.ADMIN)
                .body("application/merge-patch+json", "{\"dateFormula\":\"cq\",\"quoteRequired\":false}"
                        .getBytes(StandardCharsets.UTF_8)).send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        JsonNode stage = reply.json();
        assertEquals("CQ", stage.get("dateFormula").asText());
        assertEquals("Proposal", stage.get("description").asText());
        assertEquals(60, stage.get("completedPercent").asInt());
        assertEquals("without If-Match the version just read is expected", Long.valueOf(1),
                service.expectedVersions.get(0));

        api.request("PATCH", "sales-cycles/STD/stages/3").as(InProcessApi.ADMIN).header("If-Match", "\"1\"")
                .json("{\"allowSkip\":false}").send().problem(412, "precondition-failed");
        assertEquals("completedPercent", field(api.send("PATCH", "sales-cycles/STD/stages/3",
                "{\"completedPercent\":250}").problem(400, "validation"), 0));
    }

    @Test
    public void deleteAnswers204AndIsGuardedByTheStageVersion() {
        api.request("DELETE", "sales-cycles/STD/stages/4").as(InProcessApi.ADMIN).header("If-Match", "\"5\"").send()
                .problem(412, "precondition-failed");

        Reply reply = api.request("DELETE", "sales-cycles/STD/stages/4").as(InProcessApi.ADMIN)
                .header("If-Match", "\"1\"").send();

        assertEquals(204, reply.status());
        assertEquals(List.of(1, 2, 3), numbers(api.get("sales-cycles/STD").json().get("stages")));
        api.get("sales-cycles/STD/stages/4").problem(404, "not-found");
    }

    @Test
    public void withoutTheCyclesModuleEveryEndpointIs503() {
        stages.cycles = null;

        assertEquals("the cycles module is not available",
                api.get("sales-cycles/STD/stages").problem(503, "unavailable").get("detail").asText());
        api.send("POST", "sales-cycles/STD/stages", CLOSING).problem(503, "unavailable");
        api.get("sales-cycles/STD/stages/1").problem(503, "unavailable");
        api.send("PUT", "sales-cycles/STD/stages/1", "{}").problem(503, "unavailable");
        api.send("PATCH", "sales-cycles/STD/stages/1", "{}").problem(503, "unavailable");
        api.request("DELETE", "sales-cycles/STD/stages/1").as(InProcessApi.ADMIN).send().problem(503, "unavailable");
        assertEquals("the cycle resource holds its own reference", 200, api.get("sales-cycles/STD").status());
    }

    private static List<Integer> numbers(JsonNode stages) {
        List<Integer> numbers = new ArrayList<>();
        stages.forEach(stage -> numbers.add(stage.get("stage").asInt()));
        return numbers;
    }
}
