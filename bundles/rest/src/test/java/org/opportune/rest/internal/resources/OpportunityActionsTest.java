package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opportune.rest.internal.resources.JsonAsserts.field;
import static org.opportune.rest.internal.resources.JsonAsserts.fieldNames;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.PageRequest;
import org.opportune.api.SortKey;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
import org.opportune.api.ValidationException;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.opportunity.UpdateOption;
import org.opportune.api.opportunity.UpdateOptions;
import org.opportune.api.statistics.OpportunityStatistics;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

/** The actions of {@link OpportunityResource} over HTTP, against canned answers of the service. */
public class OpportunityActionsTest {
    private final OpportunityService service = mock(OpportunityService.class);
    private final OpportunityResource actions = new OpportunityResource();
    private InProcessApi api;

    @Before
    public void setUp() {
        actions.opportunities = service;
        api = new InProcessApi(new OpportunitiesResource(), actions);
    }

    @Test
    public void activateTakesNoOrAnEmptyBodyAndAnswersTheUpdatedOpportunityWithETag() {
        when(service.activate("OP000001", null, false, null)).thenReturn(Views.bigDeal(2));

        Reply reply = api.request("POST", "opportunities/OP000001/activate").as(InProcessApi.ADMIN).send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        assertEquals("IN_PROGRESS", reply.json().get("status").asText());
        Reply emptyJson = api.request("POST", "opportunities/OP000001/activate").as(InProcessApi.ADMIN)
                .body("application/json", new byte[0]).send();
        assertEquals(emptyJson.toString(), 200, emptyJson.status());
        assertEquals(200, api.send("POST", "opportunities/OP000001/activate", "{}").status());
    }

    @Test
    public void activatePassesTheDateAndIfMatchAndTranslatesTheRefusals() {
        when(service.activate("OP000001", LocalDate.of(2024, 1, 12), false, 1L)).thenReturn(Views.bigDeal(2));
        when(service.activate("OP000002", null, false, null)).thenThrow(new ConflictException("opportunity OP000002 is"
                + " started already", List.of(new FieldError("action", "is not possible once started"))));

        assertEquals(200, api.request("POST", "opportunities/OP000001/activate").as(InProcessApi.ADMIN)
                .header("If-Match", "\"1\"").json("{\"dateOfChange\":\"2024-01-12\"}").send().status());
        assertEquals("action", field(api.send("POST", "opportunities/OP000002/activate", "{}")
                .problem(409, "conflict"), 0));
        assertEquals("dateOfChange", field(api.send("POST", "opportunities/OP000001/activate",
                "{\"dateOfChange\":\"soon\"}").problem(400, "validation"), 0));
    }

    @Test
    public void activatePassesCancelOpenTasksDefaultingToFalse() {
        when(service.activate(eq("OP000001"), any(), anyBoolean(), any())).thenReturn(Views.bigDeal(2));

        assertEquals(200, api.send("POST", "opportunities/OP000001/activate", "{\"cancelOpenTasks\":true}").status());
        verify(service).activate("OP000001", null, true, null);
        assertEquals(200, api.send("POST", "opportunities/OP000001/activate", "{}").status());
        verify(service).activate("OP000001", null, false, null);
        assertEquals("cancelOpenTasks", field(api.send("POST", "opportunities/OP000001/activate",
                "{\"cancelOpenTasks\":\"yes\"}").problem(400, "validation"), 0));
    }

    @Test
    public void anUpdatePassesTheActionItsValuesAndIfMatch() {
        ArgumentCaptor<StageUpdate> update = ArgumentCaptor.forClass(StageUpdate.class);
        when(service.move(eq("OP000001"), any(), eq(1L))).thenReturn(Views.bigDeal(2));

        Reply reply = api.request("POST", "opportunities/OP000001/updates").as(InProcessApi.ADMIN)
                .header("If-Match", "\"1\"").json("""
                        {"action": "UPDATE", "stage": 1, "dateOfChange": "2024-01-15", "estimatedValue": 12000.5,
                         "chancesOfSuccessPercent": 33.33, "estimatedCloseDate": "2024-04-30",
                         "cancelOpenTasks": true}""").send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        verify(service).move(eq("OP000001"), update.capture(), eq(1L));
        assertEquals(StageUpdate.builder(OpportunityAction.UPDATE).stage(1).dateOfChange(LocalDate.of(2024, 1, 15))
                .estimatedValue(new BigDecimal("12000.5")).chancesOfSuccessPercent(new BigDecimal("33.33"))
                .estimatedCloseDate(LocalDate.of(2024, 4, 30)).cancelOpenTasks(true).build(), update.getValue());
    }

    @Test
    public void anUpdateWithNothingButTheActionTakesEveryDefaultAndCancelsNoTask() {
        when(service.move("OP000001", StageUpdate.of(OpportunityAction.NEXT), null)).thenReturn(Views.bigDeal(2));

        assertEquals(200, api.send("POST", "opportunities/OP000001/updates", "{\"action\":\"NEXT\"}").status());
        verify(service).move("OP000001", StageUpdate.of(OpportunityAction.NEXT), null);
    }

    @Test
    public void aMoveRefusedByRulesIs409NamingTheFirstAndEveryRefusingRule() {
        when(service.move(anyString(), any(), any())).thenThrow(new ConflictException(
                "NEXT is refused: the estimated value must be at least 50000 from stage 3 on; a sales quote must be"
                        + " assigned before this stage",
                List.of(new FieldError("stage", "needs a linked sales quote")), List.of("minimum-value",
                        "quote-required")));

        JsonNode problem = api.send("POST", "opportunities/OP000001/updates", "{\"action\":\"NEXT\"}")
                .problem(409, "conflict");

        assertEquals("minimum-value", problem.get("rule").asText());
        assertEquals("[\"minimum-value\",\"quote-required\"]", problem.get("rules").toString());
        assertTrue(problem.get("detail").asText().contains("a sales quote must be assigned before this stage"));
        assertEquals("stage", field(problem, 0));
    }

    @Test
    public void aConflictWithoutRulesHasNoRuleMembers() {
        when(service.move(anyString(), any(), any())).thenThrow(new ConflictException("NEXT is not possible"));

        JsonNode problem = api.send("POST", "opportunities/OP000001/updates", "{\"action\":\"NEXT\"}")
                .problem(409, "conflict");

        assertFalse(problem.toString(), problem.has("rule"));
        assertFalse(problem.has("rules"));
    }

    @Test
    public void aBadUpdateBodyIs400() {
        JsonNode action = api.send("POST", "opportunities/OP000001/updates", "{\"action\":\"SIDEWAYS\"}")
                .problem(400, "validation");
        assertEquals("action", field(action, 0));
        assertTrue(action.toString(), action.get("errors").get(0).get("message").asText()
                .contains("FIRST, NEXT, PREVIOUS, SKIP, JUMP, UPDATE"));
        JsonNode missing = api.send("POST", "opportunities/OP000001/updates", "{\"stage\":2}")
                .problem(400, "validation");
        assertEquals("action", field(missing, 0));
        assertEquals("is required", missing.get("errors").get(0).get("message").asText());
        assertEquals("cancelOpenTasks", field(api.send("POST", "opportunities/OP000001/updates",
                "{\"action\":\"NEXT\",\"cancelOpenTasks\":null}").problem(400, "validation"), 0));
        api.request("POST", "opportunities/OP000001/updates").as(InProcessApi.ADMIN).send()
                .problem(400, "validation");
        verify(service, never()).move(anyString(), any(), any());
        when(service.move(anyString(), any(), any())).thenThrow(new ValidationException("chancesOfSuccessPercent",
                "must be greater than 0 and at most 100"));
        assertEquals("chancesOfSuccessPercent", field(api.send("POST", "opportunities/OP000001/updates",
                "{\"action\":\"NEXT\",\"chancesOfSuccessPercent\":101}").problem(400, "validation"), 0));
    }

    @Test
    public void everyActionPassesItsIfMatchAndAStaleOneIs412() {
        StaleVersionException stale = new StaleVersionException("opportunity", "OP000001", 2);
        when(service.activate("OP000001", null, false, 1L)).thenThrow(stale);
        when(service.move(eq("OP000001"), any(), eq(1L))).thenThrow(stale);
        when(service.close(eq("OP000001"), any(), eq(1L))).thenThrow(stale);
        when(service.assignSalesQuote(eq("OP000001"), any(), eq(1L))).thenThrow(stale);
        when(service.removeSalesQuote("OP000001", 1L)).thenThrow(stale);

        stale("POST", "opportunities/OP000001/activate", "{}");
        stale("POST", "opportunities/OP000001/updates", "{\"action\":\"NEXT\"}");
        stale("POST", "opportunities/OP000001/close", "{\"outcome\":\"LOST\",\"closeCode\":\"PRICE\"}");
        stale("PUT", "opportunities/OP000001/sales-quote", "{\"no\":\"SQ2\",\"amount\":1}");
        stale("DELETE", "opportunities/OP000001/sales-quote", null);
    }

    @Test
    public void optionsAreTheServicesDryRunWithTheVersionAsETag() {
        StageUpdate next = StageUpdate.builder(OpportunityAction.NEXT).stage(2).dateOfChange(LocalDate.of(2024, 1, 10))
                .estimatedValue(new BigDecimal("10000")).chancesOfSuccessPercent(new BigDecimal("40"))
                .estimatedCloseDate(LocalDate.of(2024, 1, 20)).build();
        when(service.updateOptions("OP000001")).thenReturn(new UpdateOptions("OP000001", 1, 1, List.of(
                new UpdateOption(OpportunityAction.FIRST, false, "FIRST is not possible: the opportunity is started",
                        List.of(), List.of(), null, null),
                new UpdateOption(OpportunityAction.NEXT, true, null, List.of(), List.of(2), next, ActionTaken.NEXT),
                new UpdateOption(OpportunityAction.SKIP, false, "a rule refuses", List.of("quote-required"),
                        List.of(2, 3, 4), next, ActionTaken.NEXT))));
        when(service.updateOptions("OP000404")).thenThrow(new NotFoundException("opportunity", "OP000404"));

        Reply reply = api.get("opportunities/OP000001/updates/options");

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"1\"", reply.header("ETag"));
        JsonNode body = reply.json();
        assertEquals(List.of("opportunityNo", "version", "currentStage", "options"), fieldNames(body));
        JsonNode first = body.get("options").get(0);
        assertEquals(List.of("action", "possible", "reason", "rules", "candidateStages", "defaults", "actionTaken"),
                fieldNames(first));
        assertTrue(first.get("defaults").isNull());
        JsonNode option = body.get("options").get(1);
        assertTrue(option.get("possible").asBoolean());
        assertEquals("[2]", option.get("candidateStages").toString());
        assertEquals("{\"action\":\"NEXT\",\"stage\":2,\"dateOfChange\":\"2024-01-10\",\"estimatedValue\":10000.00,"
                + "\"chancesOfSuccessPercent\":40,\"estimatedCloseDate\":\"2024-01-20\",\"cancelOpenTasks\":false}",
                option.get("defaults").toString());
        assertEquals("[\"quote-required\"]", body.get("options").get(2).get("rules").toString());

        assertEquals("include", field(api.get("opportunities/OP000001/updates/options?include=all")
                .problem(400, "validation"), 0));
        api.get("opportunities/OP000404/updates/options").problem(404, "not-found");
    }

    @Test
    public void closePassesTheClosingAndCancelsOpenTasksUnlessToldNot() {
        ArgumentCaptor<Closing> closing = ArgumentCaptor.forClass(Closing.class);
        when(service.close(eq("OP000001"), any(), isNull())).thenReturn(Views.bigDeal(2));

        Reply reply = api.send("POST", "opportunities/OP000001/close",
                "{\"outcome\":\"WON\",\"closeCode\":\"win1\",\"dateClosed\":\"2024-02-15\",\"value\":11500}");
        api.send("POST", "opportunities/OP000001/close",
                "{\"outcome\":\"LOST\",\"closeCode\":\"PRICE\",\"cancelOpenTasks\":false}");

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        verify(service, times(2)).close(eq("OP000001"), closing.capture(), isNull());
        assertEquals(Closing.builder(CloseOutcome.WON, "win1").dateClosed(LocalDate.of(2024, 2, 15))
                .value(new BigDecimal("11500")).build(), closing.getAllValues().get(0));
        assertTrue(closing.getAllValues().get(0).cancelOpenTasks());
        assertEquals(Closing.builder(CloseOutcome.LOST, "PRICE").cancelOpenTasks(false).build(),
                closing.getAllValues().get(1));
    }

    @Test
    public void closeTranslatesTheRefusalsAndABadOutcome() {
        when(service.close(eq("OP000001"), any(), any())).thenAnswer(call -> {
            Closing given = call.getArgument(1);
            if (given.closeCode().equals("WIN1")) {
                throw new ValidationException("closeCode", "names close opportunity code WIN1 of type WON");
            }
            throw new ConflictException("opportunity OP000001 is closed (WON); closed is final");
        });

        assertEquals("closeCode", field(api.send("POST", "opportunities/OP000001/close",
                "{\"outcome\":\"LOST\",\"closeCode\":\"WIN1\"}").problem(400, "validation"), 0));
        assertEquals("opportunity OP000001 is closed (WON); closed is final", api.send("POST",
                "opportunities/OP000001/close", "{\"outcome\":\"LOST\",\"closeCode\":\"PRICE\"}")
                .problem(409, "conflict").get("detail").asText());
        assertEquals("outcome", field(api.send("POST", "opportunities/OP000001/close",
                "{\"outcome\":\"DRAW\",\"closeCode\":\"WIN1\"}").problem(400, "validation"), 0));
        api.request("POST", "opportunities/OP000001/close").as(InProcessApi.ADMIN).send().problem(400, "validation");
    }

    @Test
    public void aSalesQuoteIsLinkedReplacedAndRemoved() {
        Views.OpportunityView quoted = Views.bigDeal(2).withQuote(new SalesQuote("SQ1001", new BigDecimal("9000")));
        when(service.assignSalesQuote("OP000001", new SalesQuote("sq1001", new BigDecimal("9000")), 1L))
                .thenReturn(quoted);
        when(service.removeSalesQuote("OP000001", null)).thenReturn(Views.bigDeal(3));
        when(service.removeSalesQuote("OP000002", null)).thenThrow(new NotFoundException("sales quote of opportunity",
                "OP000002"));

        Reply linked = api.request("PUT", "opportunities/OP000001/sales-quote").as(InProcessApi.ADMIN)
                .header("If-Match", "\"1\"").json("{\"no\":\"sq1001\",\"amount\":9000}").send();
        assertEquals(linked.toString(), 200, linked.status());
        assertEquals("\"2\"", linked.header("ETag"));
        assertEquals("{\"no\":\"SQ1001\",\"amount\":9000.00}", linked.json().get("salesQuote").toString());

        Reply removed = api.request("DELETE", "opportunities/OP000001/sales-quote").as(InProcessApi.ADMIN).send();
        assertEquals(removed.toString(), 200, removed.status());
        assertEquals("\"3\"", removed.header("ETag"));
        assertTrue(removed.json().get("salesQuote").isNull());
        api.request("DELETE", "opportunities/OP000002/sales-quote").as(InProcessApi.ADMIN).send()
                .problem(404, "not-found");
    }

    @Test
    public void aSalesQuoteRefusalOrABadAmountIsTranslated() {
        when(service.assignSalesQuote(eq("OP000001"), any(), any())).thenThrow(new ConflictException(
                "only an opportunity in progress can get a sales quote"));

        assertTrue(api.send("PUT", "opportunities/OP000001/sales-quote", "{\"no\":\"SQ1\",\"amount\":10}")
                .problem(409, "conflict").get("detail").asText().contains("only an opportunity in progress"));
        assertEquals("amount", field(api.send("PUT", "opportunities/OP000002/sales-quote",
                "{\"no\":\"SQ1\",\"amount\":\"10\"}").problem(400, "validation"), 0));
    }

    @Test
    public void entriesAreTheHistoryInTheListEnvelopeWithWhoMadeEachMove() {
        when(service.entries(eq("op000001"), any())).thenReturn(Views.page(List.of(Views.firstEntry())));
        when(service.entries(eq("OP000404"), any())).thenThrow(new NotFoundException("opportunity", "OP000404"));

        Reply reply = api.get("opportunities/op000001/entries?offset=0&limit=10&sort=-entryNo");

        assertEquals(reply.toString(), 200, reply.status());
        JsonNode page = reply.json();
        assertEquals(List.of("items", "total", "offset", "limit"), fieldNames(page));
        JsonNode first = page.get("items").get(0);
        assertEquals(List.of("entryNo", "opportunityNo", "salesCycleCode", "stage", "stageDescription", "previousStage",
                "actionTaken", "dateOfChange", "active", "daysOpen", "dateClosed", "estimatedValue",
                "calculatedCurrentValue", "completedPercent", "chancesOfSuccessPercent", "probabilityPercent",
                "estimatedCloseDate", "closeCode", "contactNo", "contactCompanyNo", "salespersonCode", "changedBy",
                "changedAt"), fieldNames(first));
        assertEquals("NONE", first.get("actionTaken").asText());
        assertEquals("jo", first.get("changedBy").asText());
        assertEquals("2024-01-10T09:30:00Z", first.get("changedAt").asText());
        assertTrue(reply.body(), reply.body()
                .contains("\"estimatedValue\":10000.00,\"calculatedCurrentValue\":250.00,"));
        verify(service).entries("op000001", new PageRequest(0, 10, List.of(new SortKey("entryNo", true))));
        assertEquals("stage", field(api.get("opportunities/OP000001/entries?stage=1").problem(400, "validation"), 0));
        api.get("opportunities/OP000404/entries").problem(404, "not-found");
    }

    @Test
    public void statisticsAreTheOpportunitiesOwnFigures() {
        OpportunityStatisticsService statistics = mock(OpportunityStatisticsService.class);
        when(statistics.opportunity("OP000001")).thenReturn(new OpportunityStatistics("OP000001",
                OpportunityStatus.IN_PROGRESS, 2, new BigDecimal("10000"), new BigDecimal("1200"),
                new BigDecimal("12"), new BigDecimal("30"), new BigDecimal("40"), 2, 12,
                List.of(new OpportunityStatistics.StageDays(1, "Initial", 1, 10))));

        api.get("opportunities/OP000001/statistics").problem(503, "unavailable");
        actions.statistics = statistics;
        JsonNode body = api.get("opportunities/OP000001/statistics").json();

        assertEquals(List.of("opportunityNo", "status", "currentStage", "estimatedValue", "calculatedCurrentValue",
                "probabilityPercent", "completedPercent", "chancesOfSuccessPercent", "entries", "daysOpen",
                "daysPerStage"), fieldNames(body));
        assertEquals("[{\"stage\":1,\"description\":\"Initial\",\"entries\":1,\"days\":10}]",
                body.get("daysPerStage").toString());
    }

    @Test
    public void withoutTheOpportunitiesModuleEveryActionIs503AndAMissingModelToo() {
        actions.opportunities = null;

        assertEquals("the opportunities module is not available", api.send("POST",
                "opportunities/OP000001/activate", "{}").problem(503, "unavailable").get("detail").asText());
        api.send("POST", "opportunities/OP000001/updates", "{\"action\":\"NEXT\"}").problem(503, "unavailable");
        api.get("opportunities/OP000001/updates/options").problem(503, "unavailable");
        api.send("POST", "opportunities/OP000001/close", "{\"outcome\":\"WON\"}").problem(503, "unavailable");
        api.send("PUT", "opportunities/OP000001/sales-quote", "{\"no\":\"SQ1\"}").problem(503, "unavailable");
        api.request("DELETE", "opportunities/OP000001/sales-quote").as(InProcessApi.ADMIN).send()
                .problem(503, "unavailable");
        api.get("opportunities/OP000001/entries").problem(503, "unavailable");

        actions.opportunities = service;
        when(service.move(anyString(), any(), any())).thenThrow(new UnavailableException(
                "probability model MULTIPLY is not available"));
        assertEquals("probability model MULTIPLY is not available", api.send("POST",
                "opportunities/OP000001/updates", "{\"action\":\"NEXT\"}").problem(503, "unavailable")
                .get("detail").asText());
    }

    private void stale(String method, String path, String json) {
        InProcessApi.Request request = api.request(method, path).as(InProcessApi.ADMIN).header("If-Match", "\"1\"");
        if (json != null) {
            request.json(json);
        }
        request.send().problem(412, "precondition-failed");
    }
}
