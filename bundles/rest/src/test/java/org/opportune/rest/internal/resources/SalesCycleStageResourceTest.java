package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opportune.rest.internal.resources.JsonAsserts.field;
import static org.opportune.rest.internal.resources.JsonAsserts.fieldNames;
import static org.opportune.rest.internal.resources.JsonAsserts.message;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.StaleVersionException;
import org.opportune.api.ValidationException;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.StageValues;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

/** {@code /sales-cycles/{code}/stages} over HTTP, against canned answers of the service. */
public class SalesCycleStageResourceTest {
    private static final String CLOSING = """
            {"stage": 5, "description": "Closing", "completedPercent": 95, "chancesOfSuccessPercent": 90,
             "quoteRequired": true, "dateFormula": "1m+cm"}""";

    private final SalesCycleService service = mock(SalesCycleService.class);
    private final SalesCycleResource cycles = new SalesCycleResource();
    private final SalesCycleStageResource stages = new SalesCycleStageResource();
    private final ArgumentCaptor<StageValues> values = ArgumentCaptor.forClass(StageValues.class);
    private InProcessApi api;

    @Before
    public void setUp() {
        cycles.cycles = service;
        stages.cycles = service;
        api = new InProcessApi(cycles, stages);
        doThrow(new NotFoundException("sales cycle", "NONE")).when(service).get(anyString());
        doReturn(Views.std(1)).when(service).get("STD");
        doReturn(Views.std(1)).when(service).get("std");
        doThrow(new NotFoundException("sales cycle stage", "STD/9")).when(service).getStage(anyString(), anyInt());
        doReturn(Views.stage(2, "Qualified", 30, 40, "10D")).when(service).getStage("STD", 2);
        doReturn(Views.stage(3, "Proposal", 60, 50, "7D")).when(service).getStage("STD", 3);
    }

    @Test
    public void listAnswersTheEnvelopeOfTheCyclesStagesSortedAndPagedHere() {
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
        assertEquals("unknown sort field 'description'; sortable: stage", message(sort, 0));
        api.get("sales-cycles/NONE/stages").problem(404, "not-found");
    }

    @Test
    public void addPassesTheStageAndTheCycleVersionAndAnswers201WithItsLocationAndVersion() {
        when(service.addStage(eq("std"), any(), eq(1L))).thenReturn(new Views.StageView(5, "Closing",
                BigDecimal.valueOf(95), BigDecimal.valueOf(90), null, true, false, "1M+CM", null, 1, "admin",
                Views.CHANGED_AT));

        Reply reply = api.request("POST", "sales-cycles/std/stages").as(InProcessApi.ADMIN)
                .header("If-Match", "\"1\"").json(CLOSING).send();

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals("http://localhost:8181/api/v1/sales-cycles/STD/stages/5", reply.header("Location"));
        assertEquals("\"1\"", reply.header("ETag"));
        assertEquals("1M+CM", reply.json().get("dateFormula").asText());
        verify(service).addStage(eq("std"), values.capture(), eq(1L));
        StageValues added = values.getValue();
        assertEquals(Integer.valueOf(5), added.stage());
        assertEquals("Closing", added.description());
        assertEquals(0, added.completedPercent().compareTo(BigDecimal.valueOf(95)));
        assertTrue(added.quoteRequired());
        assertFalse(added.allowSkip());
        assertEquals("1m+cm", added.dateFormula());
    }

    @Test
    public void addTranslatesTheServicesAnswersAndRefusesServerOwnedFields() {
        when(service.addStage(eq("STD"), any(), eq(2L))).thenThrow(new StaleVersionException("sales cycle", "STD", 1));
        when(service.addStage(eq("STD"), any(), eq(null))).thenThrow(new ConflictException("stage 2 exists",
                List.of(new FieldError("stage", "is taken"))));
        when(service.addStage(eq("NONE"), any(), any())).thenThrow(new NotFoundException("sales cycle", "NONE"));

        api.request("POST", "sales-cycles/STD/stages").as(InProcessApi.ADMIN).header("If-Match", "\"2\"")
                .json(CLOSING).send().problem(412, "precondition-failed");
        assertEquals("stage", field(api.send("POST", "sales-cycles/STD/stages", "{\"stage\":2}")
                .problem(409, "conflict"), 0));
        api.send("POST", "sales-cycles/NONE/stages", CLOSING).problem(404, "not-found");
        assertEquals("version", field(api.send("POST", "sales-cycles/STD/stages",
                CLOSING.replace("}", ",\"version\":1}")).problem(400, "validation"), 0));
    }

    @Test
    public void getAnswersTheStageWithItsVersionAsETag() {
        Reply reply = api.get("sales-cycles/STD/stages/2");

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"1\"", reply.header("ETag"));
        assertEquals("Qualified", reply.json().get("description").asText());
        assertEquals("admin", reply.json().get("changedBy").asText());
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
    public void replaceIsGuardedByTheStageVersionAndPassesThePathsNumber() {
        api.request("PUT", "sales-cycles/STD/stages/2").as(InProcessApi.ADMIN).header("If-Match", "\"2\"")
                .json("{\"description\":\"Other\"}").send().problem(412, "precondition-failed");
        verify(service, never()).replaceStage(anyString(), any(), any());
        when(service.replaceStage(eq("STD"), any(), eq(1L))).thenReturn(new Views.StageView(2, "Other",
                BigDecimal.valueOf(35), BigDecimal.ZERO, null, false, false, null, 7, 2, "admin", Views.CHANGED_AT));

        Reply fresh = api.request("PUT", "sales-cycles/STD/stages/2").as(InProcessApi.ADMIN)
                .header("If-Match", "\"1\"").json("{\"description\":\"Other\",\"completedPercent\":35}").send();

        assertEquals(fresh.toString(), 200, fresh.status());
        assertEquals("\"2\"", fresh.header("ETag"));
        verify(service).replaceStage(eq("STD"), values.capture(), eq(1L));
        assertEquals(Integer.valueOf(2), values.getValue().stage());
        assertEquals("Other", values.getValue().description());
        assertEquals("a replace sets every field", null, values.getValue().chancesOfSuccessPercent());
    }

    @Test
    public void replaceRefusesAnotherNumberAChangedVersionAndBadValues() {
        JsonNode number = api.send("PUT", "sales-cycles/STD/stages/2", "{\"stage\":3,\"version\":4}")
                .problem(400, "validation");
        assertEquals(List.of("stage", "version"), JsonAsserts.fields(number));
        assertEquals("is the key and cannot be changed (path says 2)", message(number, 0));
        assertEquals("quoteRequired", field(api.send("PUT", "sales-cycles/STD/stages/2",
                "{\"quoteRequired\":\"yes\"}").problem(400, "validation"), 0));
        verify(service, never()).replaceStage(anyString(), any(), any());
    }

    @Test
    public void patchMergesIntoTheStageAndExpectsTheVersionJustRead() {
        when(service.replaceStage(eq("STD"), any(), eq(1L))).thenReturn(Views.stage(3, "Proposal", 60, 50, "CQ"));

        Reply reply = api.request("PATCH", "sales-cycles/STD/stages/3").as(InProcessApi.ADMIN)
                .body("application/merge-patch+json", "{\"dateFormula\":\"cq\",\"quoteRequired\":true}"
                        .getBytes(StandardCharsets.UTF_8)).send();

        assertEquals(reply.toString(), 200, reply.status());
        verify(service).replaceStage(eq("STD"), values.capture(), eq(1L));
        StageValues merged = values.getValue();
        assertEquals(Integer.valueOf(3), merged.stage());
        assertEquals("cq", merged.dateFormula());
        assertTrue(merged.quoteRequired());
        assertTrue("kept", merged.allowSkip());
        assertEquals("Proposal", merged.description());
        api.request("PATCH", "sales-cycles/STD/stages/3").as(InProcessApi.ADMIN).header("If-Match", "\"0\"")
                .json("{\"allowSkip\":false}").send().problem(412, "precondition-failed");
    }

    @Test
    public void maxDaysIdleIsReadAndWrittenAndTheServiceJudgesItAndTheActivity() {
        assertTrue("no limit", api.get("sales-cycles/STD/stages/2").json().get("maxDaysIdle").isNull());
        when(service.replaceStage(eq("STD"), any(), eq(1L))).thenReturn(new Views.StageView(2, "Qualified",
                BigDecimal.valueOf(30), BigDecimal.valueOf(40), "INIT", false, true, "10D", 14, 2, "admin",
                Views.CHANGED_AT));

        Reply reply = api.send("PATCH", "sales-cycles/STD/stages/2", "{\"maxDaysIdle\":14,\"activityCode\":\"init\"}");

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals(14, reply.json().get("maxDaysIdle").asInt());
        assertEquals("INIT", reply.json().get("activityCode").asText());
        verify(service).replaceStage(eq("STD"), values.capture(), eq(1L));
        assertEquals(Integer.valueOf(14), values.getValue().maxDaysIdle());
        assertEquals("init", values.getValue().activityCode());

        when(service.replaceStage(eq("STD"), any(), eq(null))).thenThrow(new ValidationException(List.of(
                new FieldError("maxDaysIdle", "must be 1 or more"), new FieldError("activityCode",
                        "names no activity"))));
        JsonNode problem = api.send("PUT", "sales-cycles/STD/stages/2", "{\"maxDaysIdle\":0,\"activityCode\":\"X\"}")
                .problem(400, "validation");
        assertEquals(List.of("maxDaysIdle", "activityCode"), JsonAsserts.fields(problem));
        assertEquals("maxDaysIdle", field(api.send("PUT", "sales-cycles/STD/stages/2", "{\"maxDaysIdle\":1.5}")
                .problem(400, "validation"), 0));
    }

    @Test
    public void deleteAnswers204AndPassesTheStageVersion() {
        doThrow(new StaleVersionException("sales cycle stage", "STD/4", 1)).when(service).deleteStage("STD", 4, 5L);

        api.request("DELETE", "sales-cycles/STD/stages/4").as(InProcessApi.ADMIN).header("If-Match", "\"5\"").send()
                .problem(412, "precondition-failed");
        Reply reply = api.request("DELETE", "sales-cycles/STD/stages/4").as(InProcessApi.ADMIN)
                .header("If-Match", "\"1\"").send();

        assertEquals(204, reply.status());
        verify(service).deleteStage("STD", 4, 1L);
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
