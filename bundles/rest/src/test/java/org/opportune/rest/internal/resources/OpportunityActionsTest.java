package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.opportune.rest.internal.resources.OpportunityResourceTest.DEAL;
import static org.opportune.rest.internal.resources.OpportunityResourceTest.DEAL_STARTED;
import static org.opportune.rest.internal.resources.SalesCycleResourceTest.field;
import static org.opportune.rest.internal.resources.SalesCycleResourceTest.fieldNames;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.opportune.api.PageRequest;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

/** The actions of {@link OpportunityResource}: activate, updates and their options, close, sales quote, entries. */
public class OpportunityActionsTest {
    private final FakeOpportunityService service = new FakeOpportunityService();
    private final OpportunitiesResource opportunities = new OpportunitiesResource();
    private final OpportunityResource actions = new OpportunityResource();
    private InProcessApi api;

    @Before
    public void setUp() {
        opportunities.opportunities = service;
        actions.opportunities = service;
        api = new InProcessApi(opportunities, actions);
    }

    @Test
    public void activateTakesAnEmptyBodyAndAnswersTheUpdatedOpportunityWithETag() {
        api.send("POST", "opportunities", DEAL);

        Reply reply = api.request("POST", "opportunities/OP000001/activate").as(InProcessApi.ADMIN).send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        JsonNode body = reply.json();
        assertEquals("IN_PROGRESS", body.get("status").asText());
        assertEquals(1, body.get("currentStage").asInt());
        assertTrue(reply.body(), reply.body().contains("\"estimatedValue\":0.00,"));
        assertEquals("the stage's chances", 20, body.get("chancesOfSuccessPercent").asInt());
        assertEquals("today + 5D", "2024-01-15", body.get("estimatedCloseDate").asText());
        assertEquals("the route of the opportunity itself still answers", 200,
                api.get("opportunities/OP000001").status());
        api.send("POST", "opportunities", DEAL);
        Reply emptyJson = api.request("POST", "opportunities/OP000002/activate").as(InProcessApi.ADMIN)
                .body("application/json", new byte[0]).send();
        assertEquals(emptyJson.toString(), 200, emptyJson.status());
    }

    @Test
    public void activateTakesADateOfChangeAndIsRefusedOnceStarted() {
        api.send("POST", "opportunities", DEAL);

        Reply reply = api.request("POST", "opportunities/OP000001/activate").as(InProcessApi.ADMIN)
                .header("If-Match", "\"1\"").json("{\"dateOfChange\":\"2024-01-12\"}").send();
        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("2024-01-17", reply.json().get("estimatedCloseDate").asText());

        JsonNode again = api.send("POST", "opportunities/OP000001/activate", "{}").problem(409, "conflict");
        assertEquals("action", field(again, 0));
        assertEquals("dateOfChange", field(api.send("POST", "opportunities/OP000001/activate",
                "{\"dateOfChange\":\"soon\"}").problem(400, "validation"), 0));
    }

    @Test
    public void nextWithDefaultsIsStepTwoOfTheWorkedExample() {
        api.send("POST", "opportunities", DEAL_STARTED);
        service.today = LocalDate.of(2024, 1, 20);

        Reply reply = api.request("POST", "opportunities/OP000001/updates").as(InProcessApi.ADMIN)
                .header("If-Match", "\"1\"").json("{\"action\":\"NEXT\"}").send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        JsonNode body = reply.json();
        assertEquals(2, body.get("currentStage").asInt());
        assertTrue(reply.body(), reply.body().contains("\"estimatedValue\":10000.00,\"chancesOfSuccessPercent\":40,"
                + "\"completedPercent\":30,\"probabilityPercent\":12,\"calculatedCurrentValue\":1200.00,"
                + "\"estimatedCloseDate\":\"2024-01-30\""));
    }

    @Test
    public void updateValuesAreGivenInTheBody() {
        api.send("POST", "opportunities", DEAL_STARTED);

        Reply reply = api.send("POST", "opportunities/OP000001/updates", """
                {"action": "UPDATE", "dateOfChange": "2024-01-15", "estimatedValue": 12000.5,
                 "chancesOfSuccessPercent": 33.33, "estimatedCloseDate": "2024-04-30"}""");

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals(1, reply.json().get("currentStage").asInt());
        assertTrue(reply.body(), reply.body().contains("\"estimatedValue\":12000.50,\"chancesOfSuccessPercent\":33.33,"
                + "\"completedPercent\":10,\"probabilityPercent\":3.333,\"calculatedCurrentValue\":399.98,"));
    }

    @Test
    public void aMoveRefusedByRulesIs409NamingTheFirstAndEveryRefusingRule() {
        service.install("minimum-value", "At least 50000 from stage 3 on", "org.example.rules",
                move -> move.to().stage() >= 3 && move.estimatedValue().compareTo(BigDecimal.valueOf(50000)) < 0
                        ? Optional.of("the estimated value must be at least 50000 from stage 3 on")
                        : Optional.empty());
        api.send("POST", "opportunities", DEAL_STARTED);
        api.send("POST", "opportunities/OP000001/updates", "{\"action\":\"NEXT\"}");

        Reply reply = api.send("POST", "opportunities/OP000001/updates", "{\"action\":\"NEXT\"}");

        JsonNode problem = reply.problem(409, "conflict");
        assertEquals("minimum-value", problem.get("rule").asText());
        assertEquals("[\"minimum-value\",\"quote-required\"]", problem.get("rules").toString());
        assertTrue(problem.get("detail").asText().contains("a sales quote must be assigned before this stage"));
        assertEquals("stage", field(problem, 0));
        assertEquals(2, service.get("OP000001").currentStage().intValue());
        assertEquals(2L, service.get("OP000001").version().longValue());
    }

    @Test
    public void aConflictWithoutRulesHasNoRuleMembers() {
        api.send("POST", "opportunities", DEAL);

        JsonNode problem = api.send("POST", "opportunities/OP000001/updates", "{\"action\":\"NEXT\"}")
                .problem(409, "conflict");

        assertFalse(problem.toString(), problem.has("rule"));
        assertFalse(problem.has("rules"));
    }

    @Test
    public void aBadUpdateBodyIs400() {
        api.send("POST", "opportunities", DEAL_STARTED);

        JsonNode action = api.send("POST", "opportunities/OP000001/updates", "{\"action\":\"SIDEWAYS\"}")
                .problem(400, "validation");
        assertEquals("action", field(action, 0));
        assertTrue(action.toString(), action.get("errors").get(0).get("message").asText()
                .contains("FIRST, NEXT, PREVIOUS, SKIP, JUMP, UPDATE"));
        assertEquals("action", field(api.send("POST", "opportunities/OP000001/updates", "{\"stage\":2}")
                .problem(400, "validation"), 0));
        assertEquals("chancesOfSuccessPercent", field(api.send("POST", "opportunities/OP000001/updates",
                "{\"action\":\"NEXT\",\"chancesOfSuccessPercent\":101}").problem(400, "validation"), 0));
        api.request("POST", "opportunities/OP000001/updates").as(InProcessApi.ADMIN).send()
                .problem(400, "validation");
    }

    @Test
    public void everyActionHonoursAStaleIfMatchWith412AndChangesNothing() {
        api.send("POST", "opportunities", DEAL_STARTED);
        api.send("PUT", "opportunities/OP000001/sales-quote", "{\"no\":\"SQ1\",\"amount\":9000}");

        stale("POST", "opportunities/OP000001/activate", "{}");
        stale("POST", "opportunities/OP000001/updates", "{\"action\":\"NEXT\"}");
        stale("POST", "opportunities/OP000001/close", "{\"outcome\":\"LOST\",\"closeCode\":\"PRICE\"}");
        stale("PUT", "opportunities/OP000001/sales-quote", "{\"no\":\"SQ2\",\"amount\":1}");
        stale("DELETE", "opportunities/OP000001/sales-quote", null);

        assertEquals(2L, service.get("OP000001").version().longValue());
        assertEquals("SQ1", service.get("OP000001").salesQuote().no());
        assertEquals(1, service.entries("OP000001", PageRequest.first()).total());
    }

    @Test
    public void optionsAreADryRunOfEveryAction() {
        api.send("POST", "opportunities", DEAL_STARTED);

        Reply reply = api.get("opportunities/OP000001/updates/options");

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"1\"", reply.header("ETag"));
        JsonNode body = reply.json();
        assertEquals(List.of("opportunityNo", "version", "currentStage", "options"), fieldNames(body));
        assertEquals(1, body.get("currentStage").asInt());
        assertEquals(6, body.get("options").size());
        JsonNode first = body.get("options").get(0);
        assertEquals("FIRST", first.get("action").asText());
        assertFalse(first.get("possible").asBoolean());
        assertTrue(first.get("reason").asText().startsWith("FIRST is not possible"));
        JsonNode next = body.get("options").get(1);
        assertEquals(List.of("action", "possible", "reason", "rules", "candidateStages", "defaults", "actionTaken"),
                fieldNames(next));
        assertTrue(next.get("possible").asBoolean());
        assertEquals("[2]", next.get("candidateStages").toString());
        assertEquals("NEXT", next.get("actionTaken").asText());
        assertEquals("{\"action\":\"NEXT\",\"stage\":2,\"dateOfChange\":\"2024-01-10\",\"estimatedValue\":10000.00,"
                + "\"chancesOfSuccessPercent\":40,\"estimatedCloseDate\":\"2024-01-20\"}",
                next.get("defaults").toString());
        JsonNode skip = body.get("options").get(3);
        assertEquals("[2,3,4]", skip.get("candidateStages").toString());
        assertEquals("NEXT", skip.get("actionTaken").asText());
        assertEquals("nothing was written", 1L, service.get("OP000001").version().longValue());
        assertEquals(1, service.entries("OP000001", PageRequest.first()).total());

        assertEquals("include", field(api.get("opportunities/OP000001/updates/options?include=all")
                .problem(400, "validation"), 0));
        api.get("opportunities/OP000404/updates/options").problem(404, "not-found");
    }

    @Test
    public void optionsNameTheRulesThatWouldRefuse() {
        api.send("POST", "opportunities", DEAL_STARTED);
        api.send("POST", "opportunities/OP000001/updates", "{\"action\":\"NEXT\"}");

        JsonNode next = api.get("opportunities/OP000001/updates/options").json().get("options").get(1);

        assertFalse(next.get("possible").asBoolean());
        assertEquals("[\"quote-required\"]", next.get("rules").toString());
        assertEquals(3, next.get("defaults").get("stage").asInt());
    }

    @Test
    public void closeWonTakesTheValueAndIsFinal() {
        api.send("POST", "opportunities", DEAL_STARTED);
        service.today = LocalDate.of(2024, 2, 15);

        Reply reply = api.send("POST", "opportunities/OP000001/close",
                "{\"outcome\":\"WON\",\"closeCode\":\"win1\",\"value\":11500}");

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        JsonNode body = reply.json();
        assertEquals("WON", body.get("status").asText());
        assertTrue(body.get("closed").asBoolean());
        assertEquals("2024-02-15", body.get("dateClosed").asText());
        assertEquals(0, body.get("currentStage").asInt());
        assertEquals("WIN1", body.get("closeCode").asText());
        assertTrue(reply.body(), reply.body().contains("\"calculatedCurrentValue\":11500.00,"));

        JsonNode again = api.send("POST", "opportunities/OP000001/close",
                "{\"outcome\":\"LOST\",\"closeCode\":\"PRICE\"}").problem(409, "conflict");
        assertEquals("opportunity OP000001 is closed (WON); closed is final", again.get("detail").asText());
        api.send("POST", "opportunities/OP000001/updates", "{\"action\":\"UPDATE\"}").problem(409, "conflict");
    }

    @Test
    public void closeRefusesACodeOfTheOtherTypeAndAMissingValue() {
        api.send("POST", "opportunities", DEAL_STARTED);

        JsonNode code = api.send("POST", "opportunities/OP000001/close",
                "{\"outcome\":\"LOST\",\"closeCode\":\"WIN1\"}").problem(400, "validation");
        assertEquals("closeCode", field(code, 0));
        assertEquals("value", field(api.send("POST", "opportunities/OP000001/close",
                "{\"outcome\":\"WON\",\"closeCode\":\"WIN1\"}").problem(400, "validation"), 0));
        assertEquals("outcome", field(api.send("POST", "opportunities/OP000001/close",
                "{\"outcome\":\"DRAW\",\"closeCode\":\"WIN1\"}").problem(400, "validation"), 0));
        assertEquals("dateClosed", field(api.send("POST", "opportunities/OP000001/close",
                "{\"outcome\":\"LOST\",\"closeCode\":\"PRICE\",\"dateClosed\":\"2024-01-01\"}")
                .problem(409, "conflict"), 0));
        assertEquals("IN_PROGRESS", service.get("OP000001").status().name());
    }

    @Test
    public void salesQuoteIsLinkedReplacedAndRemoved() {
        api.send("POST", "opportunities", DEAL_STARTED);

        Reply linked = api.request("PUT", "opportunities/OP000001/sales-quote").as(InProcessApi.ADMIN)
                .header("If-Match", "\"1\"").json("{\"no\":\"sq1001\",\"amount\":9000}").send();
        assertEquals(linked.toString(), 200, linked.status());
        assertEquals("\"2\"", linked.header("ETag"));
        assertEquals("{\"no\":\"SQ1001\",\"amount\":9000.00}", linked.json().get("salesQuote").toString());

        Reply replaced = api.send("PUT", "opportunities/OP000001/sales-quote", "{\"no\":\"SQ1002\",\"amount\":9500.5}");
        assertEquals("{\"no\":\"SQ1002\",\"amount\":9500.50}", replaced.json().get("salesQuote").toString());
        Reply echoed = api.send("PUT", "opportunities/OP000001", replaced.body().replace("Big deal", "Quoted"));
        assertEquals("a read opportunity with its quote can be sent back", 200, echoed.status());

        Reply removed = api.request("DELETE", "opportunities/OP000001/sales-quote").as(InProcessApi.ADMIN).send();
        assertEquals(removed.toString(), 200, removed.status());
        assertEquals("\"" + removed.json().get("version").asLong() + "\"", removed.header("ETag"));
        assertTrue(removed.json().get("salesQuote").isNull());
        api.request("DELETE", "opportunities/OP000001/sales-quote").as(InProcessApi.ADMIN).send()
                .problem(404, "not-found");
    }

    @Test
    public void salesQuoteIsRefusedOnANotStartedOpportunityOrWithABadAmount() {
        api.send("POST", "opportunities", DEAL);
        api.send("POST", "opportunities", DEAL_STARTED);

        JsonNode problem = api.send("PUT", "opportunities/OP000001/sales-quote", "{\"no\":\"SQ1\",\"amount\":10}")
                .problem(409, "conflict");
        assertTrue(problem.get("detail").asText().contains("only an opportunity in progress"));
        assertEquals("amount", field(api.send("PUT", "opportunities/OP000002/sales-quote",
                "{\"no\":\"SQ1\",\"amount\":10.001}").problem(400, "validation"), 0));
        assertEquals("amount", field(api.send("PUT", "opportunities/OP000002/sales-quote",
                "{\"no\":\"SQ1\",\"amount\":\"10\"}").problem(400, "validation"), 0));
    }

    @Test
    public void entriesAreTheHistoryOldestFirstInTheListEnvelope() {
        api.send("POST", "opportunities", DEAL_STARTED);
        service.today = LocalDate.of(2024, 1, 20);
        api.send("POST", "opportunities/OP000001/updates", "{\"action\":\"NEXT\"}");
        api.send("POST", "opportunities", DEAL_STARTED.replace("Big deal", "Other deal"));

        Reply reply = api.get("opportunities/op000001/entries");

        assertEquals(reply.toString(), 200, reply.status());
        JsonNode page = reply.json();
        assertEquals(List.of("items", "total", "offset", "limit"), fieldNames(page));
        assertEquals(2, page.get("total").asInt());
        assertEquals(50, page.get("limit").asInt());
        JsonNode first = page.get("items").get(0);
        assertEquals(List.of("entryNo", "opportunityNo", "salesCycleCode", "stage", "stageDescription", "previousStage",
                "actionTaken", "dateOfChange", "active", "daysOpen", "dateClosed", "estimatedValue",
                "calculatedCurrentValue", "completedPercent", "chancesOfSuccessPercent", "probabilityPercent",
                "estimatedCloseDate", "closeCode", "contactNo", "contactCompanyNo", "salespersonCode"),
                fieldNames(first));
        assertEquals(1, first.get("entryNo").asInt());
        assertEquals("NONE", first.get("actionTaken").asText());
        assertFalse(first.get("active").asBoolean());
        assertEquals(10, first.get("daysOpen").asInt());
        assertTrue(reply.body(), reply.body()
                .contains("\"estimatedValue\":10000.00,\"calculatedCurrentValue\":250.00,"));
        JsonNode second = page.get("items").get(1);
        assertEquals("NEXT", second.get("actionTaken").asText());
        assertEquals(1, second.get("previousStage").asInt());
        assertTrue(second.get("active").asBoolean());

        JsonNode paged = api.get("opportunities/OP000001/entries?offset=1&limit=1").json();
        assertEquals(1, paged.get("items").size());
        assertEquals(2, paged.get("items").get(0).get("entryNo").asInt());
        assertEquals(2, api.get("opportunities/OP000001/entries?sort=-entryNo").json().get("items").get(0)
                .get("entryNo").asInt());
        assertEquals("sort", field(api.get("opportunities/OP000001/entries?sort=value").problem(400, "validation"),
                0));
        assertEquals("stage", field(api.get("opportunities/OP000001/entries?stage=1").problem(400, "validation"), 0));
        api.get("opportunities/OP000404/entries").problem(404, "not-found");
    }

    @Test
    public void withoutTheOpportunitiesModuleEveryActionIs503() {
        actions.opportunities = null;

        JsonNode problem = api.send("POST", "opportunities/OP000001/activate", "{}").problem(503, "unavailable");
        assertEquals("the opportunities module is not available", problem.get("detail").asText());
        api.send("POST", "opportunities/OP000001/updates", "{\"action\":\"NEXT\"}").problem(503, "unavailable");
        api.get("opportunities/OP000001/updates/options").problem(503, "unavailable");
        api.send("POST", "opportunities/OP000001/close", "{\"outcome\":\"WON\"}").problem(503, "unavailable");
        api.send("PUT", "opportunities/OP000001/sales-quote", "{\"no\":\"SQ1\"}").problem(503, "unavailable");
        api.request("DELETE", "opportunities/OP000001/sales-quote").as(InProcessApi.ADMIN).send()
                .problem(503, "unavailable");
        api.get("opportunities/OP000001/entries").problem(503, "unavailable");

        actions.opportunities = service;
        assertEquals("the module answers again", "opportunity OP000001 does not exist",
                api.get("opportunities/OP000001/entries").problem(404, "not-found").get("detail").asText());
    }

    @Test
    public void aMissingProbabilityModelIs503AndNothingMoves() {
        api.send("POST", "opportunities", DEAL_STARTED);
        service.modelAvailable = false;

        JsonNode problem = api.send("POST", "opportunities/OP000001/updates", "{\"action\":\"NEXT\"}")
                .problem(503, "unavailable");

        assertEquals("probability model MULTIPLY is not available", problem.get("detail").asText());
        assertEquals(1, service.get("OP000001").currentStage().intValue());
    }

    private void stale(String method, String path, String json) {
        InProcessApi.Request request = api.request(method, path).as(InProcessApi.ADMIN).header("If-Match", "\"1\"");
        if (json != null) {
            request.json(json);
        }
        request.send().problem(412, "precondition-failed");
    }
}
