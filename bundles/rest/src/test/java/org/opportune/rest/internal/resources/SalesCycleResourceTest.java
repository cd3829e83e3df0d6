package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opportune.rest.internal.resources.JsonAsserts.field;
import static org.opportune.rest.internal.resources.JsonAsserts.fieldNames;
import static org.opportune.rest.internal.resources.JsonAsserts.fields;
import static org.opportune.rest.internal.resources.JsonAsserts.message;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;
import org.opportune.api.ConflictException;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.ValidationException;
import org.opportune.api.cycle.SalesCycleQuery;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleValues;
import org.opportune.api.cycle.StageValues;
import org.opportune.api.probability.ProbabilityModelInfo;
import org.opportune.api.statistics.Figures;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.api.statistics.SalesCycleStatistics;
import org.opportune.api.statistics.StageStatistics;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

/** {@code /sales-cycles} over HTTP, against canned answers of the service. */
public class SalesCycleResourceTest {
    /** The cycle of DOMAIN §9, formulas in lower case: the service would make them canonical. */
    static final String STD = """
            {"code": "std", "description": "Standard", "probabilityCalculation": "MULTIPLY", "stages": [
              {"stage": 1, "description": "Initial", "completedPercent": 10, "chancesOfSuccessPercent": 20,
               "dateFormula": "5d"},
              {"stage": 2, "description": "Qualified", "completedPercent": 30, "chancesOfSuccessPercent": 40,
               "allowSkip": true, "dateFormula": "10D"},
              {"stage": 3, "description": "Proposal", "completedPercent": 60, "chancesOfSuccessPercent": 50,
               "allowSkip": true, "dateFormula": "7D", "quoteRequired": true},
              {"stage": 4, "description": "Negotiation", "completedPercent": 80, "chancesOfSuccessPercent": 75,
               "dateFormula": "14D", "activityCode": "call", "maxDaysIdle": 30}
            ]}""";

    private final SalesCycleService service = mock(SalesCycleService.class);
    private final SalesCycleResource resource = new SalesCycleResource();
    private final ArgumentCaptor<SalesCycleValues> values = ArgumentCaptor.forClass(SalesCycleValues.class);
    private InProcessApi api;

    @Before
    public void setUp() {
        resource.cycles = service;
        api = new InProcessApi(resource);
        doThrow(new NotFoundException("sales cycle", "NONE")).when(service).get(anyString());
        doReturn(Views.std(1)).when(service).get("STD");
        when(service.probabilityModels()).thenReturn(List.of(
                new ProbabilityModelInfo("ADD", "(chances + completed) / 2", "org.opportune.cycles", 0, true),
                new ProbabilityModelInfo("MULTIPLY", "chances × completed", "org.opportune.cycles", 0, true)));
    }

    @Test
    public void createPassesTheCycleWithItsStagesAndAnswers201WithTheCycle() {
        when(service.create(eq("std"), any())).thenReturn(Views.std(1));

        Reply reply = api.send("POST", "sales-cycles", STD);

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals("http://localhost:8181/api/v1/sales-cycles/STD", reply.header("Location"));
        assertEquals("\"1\"", reply.header("ETag"));
        JsonNode body = reply.json();
        assertEquals(List.of("code", "description", "probabilityCalculation", "blocked", "probabilityModelAvailable",
                "stages", "version", "changedBy", "changedAt"), fieldNames(body));
        assertTrue(body.get("probabilityModelAvailable").asBoolean());
        assertEquals(List.of(1, 2, 3, 4), stageNumbers(body));
        JsonNode first = body.get("stages").get(0);
        assertEquals(List.of("stage", "description", "completedPercent", "chancesOfSuccessPercent", "activityCode",
                "quoteRequired", "allowSkip", "dateFormula", "maxDaysIdle", "version", "changedBy", "changedAt"),
                fieldNames(first));
        assertEquals("{\"stage\":1,\"description\":\"Initial\",\"completedPercent\":10,\"chancesOfSuccessPercent\":20,"
                + "\"activityCode\":null,\"quoteRequired\":false,\"allowSkip\":false,\"dateFormula\":\"5D\","
                + "\"maxDaysIdle\":null,\"version\":1,\"changedBy\":\"admin\",\"changedAt\":\"2024-01-10T09:30:00Z\"}",
                first.toString());

        verify(service).create(eq("std"), values.capture());
        SalesCycleValues given = values.getValue();
        assertEquals("Standard", given.description());
        assertEquals("MULTIPLY", given.probabilityCalculation());
        assertEquals(4, given.stages().size());
        StageValues fourth = given.stages().get(3);
        assertEquals(Integer.valueOf(4), fourth.stage());
        assertEquals("Negotiation", fourth.description());
        assertEquals(0, fourth.completedPercent().compareTo(BigDecimal.valueOf(80)));
        assertEquals("call", fourth.activityCode());
        assertEquals("14D", fourth.dateFormula());
        assertEquals(Integer.valueOf(30), fourth.maxDaysIdle());
        assertNull("no limit", given.stages().get(0).maxDaysIdle());
        assertTrue(given.stages().get(2).quoteRequired());
        assertTrue(given.stages().get(1).allowSkip());
    }

    @Test
    public void stagesLeftOutAreNotSetAndAnEmptyElementIsPassedOnToBeNamed() {
        when(service.create(anyString(), any())).thenReturn(Views.std(1));

        api.send("POST", "sales-cycles", "{\"code\":\"EMPTY\"}");
        api.send("POST", "sales-cycles", "{\"code\":\"BAD\",\"stages\":[{\"stage\":0},null]}");

        verify(service).create(eq("EMPTY"), values.capture());
        assertNull(values.getValue().stages());
        verify(service).create(eq("BAD"), values.capture());
        assertEquals(2, values.getValue().stages().size());
        assertNull(values.getValue().stages().get(1));
    }

    @Test
    public void readAnswersTheCycleWithETagOr404() {
        Reply reply = api.get("sales-cycles/STD");

        assertEquals(200, reply.status());
        assertEquals("\"1\"", reply.header("ETag"));
        assertEquals(List.of(1, 2, 3, 4), stageNumbers(reply.json()));
        assertEquals("sales cycle NONE does not exist",
                api.get("sales-cycles/NONE").problem(404, "not-found").get("detail").asText());
    }

    @Test
    public void theServicesStageFieldErrorsAreNamedAsItNamesThem() {
        when(service.create(anyString(), any())).thenThrow(new ValidationException("stages[0].completedPercent",
                "must be between 0 and 100 (got 101)"));

        JsonNode problem = api.send("POST", "sales-cycles", STD).problem(400, "validation");

        assertEquals("stages[0].completedPercent", field(problem, 0));
        assertEquals("must be between 0 and 100 (got 101)", message(problem, 0));
    }

    @Test
    public void wrongTypeInAStageIs400NamingItsPath() {
        JsonNode problem = api.send("POST", "sales-cycles",
                STD.replace("\"completedPercent\": 30", "\"completedPercent\": \"30\"")).problem(400, "validation");

        assertEquals("stages[1].completedPercent", field(problem, 0));
        assertTrue(problem.toString(), message(problem, 0).contains("a number"));
        verify(service, never()).create(anyString(), any());
    }

    @Test
    public void serverOwnedFieldsOfANewCycleAndItsStagesAreRefused() {
        JsonNode problem = api.send("POST", "sales-cycles",
                STD.replace("\"stage\": 2,", "\"stage\": 2, \"version\": 1,")
                        .replace("\"code\": \"std\",", "\"code\": \"std\", \"changedBy\": \"me\","))
                .problem(400, "validation");

        assertEquals(List.of("changedBy", "stages[1].version"), fields(problem));
        verify(service, never()).create(anyString(), any());
    }

    @Test
    public void probabilityModelAvailableMayBeStatedAsTheServerWouldButNotOtherwise() {
        when(service.create(anyString(), any())).thenReturn(Views.std(1));
        assertEquals(201, api.send("POST", "sales-cycles", "{\"code\":\"ECHO\",\"probabilityModelAvailable\":true}")
                .status());
        assertEquals("a model not installed is not available", 201, api.send("POST", "sales-cycles",
                "{\"code\":\"GONE\",\"probabilityCalculation\":\"weighted\",\"probabilityModelAvailable\":false}")
                .status());

        JsonNode problem = api.send("POST", "sales-cycles", "{\"code\":\"SET\",\"probabilityModelAvailable\":false}")
                .problem(400, "validation");
        assertEquals("probabilityModelAvailable", field(problem, 0));
        assertEquals("is owned by the server: probability model MULTIPLY is installed right now, so it is true",
                message(problem, 0));
        verify(service, never()).create(eq("SET"), any());
        api.send("PATCH", "sales-cycles/STD", "{\"probabilityModelAvailable\":false}").problem(400, "validation");
    }

    @Test
    public void aCycleWhoseModelWentAwayCanStillBePatchedAndSentBack() {
        Views.CycleView orphan = new Views.CycleView("STD", "Standard", "WEIGHTED", false, false, List.of(), 1,
                "admin", Views.CHANGED_AT);
        doReturn(orphan).when(service).get("STD");
        when(service.update(eq("STD"), any(), eq(1L))).thenReturn(orphan);

        Reply patched = api.send("PATCH", "sales-cycles/STD", "{\"description\":\"Still here\"}");
        assertEquals(patched.toString(), 200, patched.status());
        assertFalse(patched.json().get("probabilityModelAvailable").asBoolean());
        Reply echoed = api.send("PUT", "sales-cycles/STD", patched.body());
        assertEquals(echoed.toString(), 200, echoed.status());
    }

    @Test
    public void listPassesTheFiltersAndAnswersTheEnvelope() {
        when(service.list(any(), any())).thenReturn(new Page<>(List.of(Views.std(1)), 3, 0, 2));

        JsonNode all = api.get("sales-cycles?limit=2&q=stand&blocked=true").json();

        assertEquals(3, all.get("total").asInt());
        assertEquals(2, all.get("limit").asInt());
        assertEquals(4, all.get("items").get(0).get("stages").size());
        verify(service).list(SalesCycleQuery.all().withText("stand").withBlocked(true), new PageRequest(0, 2,
                List.of()));
    }

    @Test
    public void unknownFilterIs400() {
        JsonNode filter = api.get("sales-cycles?model=ADD").problem(400, "validation");
        assertEquals("model", field(filter, 0));
        assertTrue(filter.toString(), message(filter, 0).endsWith("known: q, blocked, offset, limit, sort"));
        assertEquals("blocked", field(api.get("sales-cycles?blocked=yes").problem(400, "validation"), 0));
    }

    @Test
    public void replaceWithStaleIfMatchIs412AndChangesNothing() {
        api.request("PUT", "sales-cycles/STD").as(InProcessApi.ADMIN).header("If-Match", "\"9\"")
                .json("{\"description\":\"Other\"}").send().problem(412, "precondition-failed");

        verify(service, never()).update(anyString(), any(), any());
    }

    @Test
    public void replaceWithoutStagesKeepsThemAndWithStagesReplacesThem() {
        when(service.update(eq("STD"), any(), any())).thenReturn(Views.std(2));

        Reply kept = api.request("PUT", "sales-cycles/STD").as(InProcessApi.ADMIN).header("If-Match", "\"1\"")
                .json("{\"description\":\"Renamed\",\"probabilityCalculation\":\"ADD\",\"blocked\":true}").send();
        assertEquals(kept.toString(), 200, kept.status());
        assertEquals("\"2\"", kept.header("ETag"));
        verify(service).update(eq("STD"), values.capture(), eq(1L));
        assertNull(values.getValue().stages());
        assertTrue(values.getValue().blocked());

        assertEquals(200, api.send("PUT", "sales-cycles/STD", "{\"stages\":[{\"stage\":10},{\"stage\":20}]}")
                .status());
        verify(service).update(eq("STD"), values.capture(), isNull());
        assertEquals(List.of(10, 20), values.getValue().stages().stream().map(StageValues::stage).toList());
    }

    @Test
    public void aChangedKeyVersionOrStageVersionInTheBodyIs400() {
        assertEquals("code", field(api.send("PUT", "sales-cycles/STD", "{\"code\":\"NEW\"}")
                .problem(400, "validation"), 0));
        assertEquals("version", field(api.send("PATCH", "sales-cycles/STD", "{\"version\":7}")
                .problem(400, "validation"), 0));

        JsonNode stages = api.send("PUT", "sales-cycles/STD",
                "{\"stages\":[{\"stage\":1,\"version\":1},{\"stage\":2,\"version\":5},{\"stage\":9,\"version\":1}]}")
                .problem(400, "validation");
        assertEquals(List.of("stages[1].version", "stages[2].version"), fields(stages));
        assertEquals("is owned by the server (current 1)", message(stages, 0));
        assertEquals("a new stage's", "is set by the server", message(stages, 1));
        verify(service, never()).update(anyString(), any(), any());
    }

    @Test
    public void patchKeepsTheStagesUnlessItNamesThemAndExpectsTheVersionJustRead() {
        when(service.update(eq("STD"), any(), eq(1L))).thenReturn(Views.std(2));

        Reply described = api.request("PATCH", "sales-cycles/STD").as(InProcessApi.ADMIN)
                .body("application/merge-patch+json", "{\"description\":null,\"blocked\":true}"
                        .getBytes(StandardCharsets.UTF_8)).send();
        assertEquals(described.toString(), 200, described.status());
        verify(service).update(eq("STD"), values.capture(), eq(1L));
        assertNull(values.getValue().description());
        assertTrue(values.getValue().blocked());
        assertNull("kept as stored, not as read a moment ago", values.getValue().stages());

        api.send("PATCH", "sales-cycles/STD", "{\"stages\":[{\"stage\":1,\"completedPercent\":100}]}");
        verify(service, times(2)).update(eq("STD"), values.capture(), eq(1L));
        assertEquals(1, values.getValue().stages().size());
        assertEquals(0, values.getValue().stages().get(0).completedPercent().compareTo(BigDecimal.valueOf(100)));
    }

    @Test
    public void deleteAnswers204OrTheServicesConflictOrStaleVersion() {
        doThrow(new ConflictException("sales cycle BUSY has open opportunities")).when(service).delete("BUSY", null);
        doThrow(new StaleVersionException("sales cycle", "BUSY", 2)).when(service).delete("BUSY", 3L);

        assertEquals(204, api.request("DELETE", "sales-cycles/STD").as(InProcessApi.ADMIN).send().status());
        verify(service).delete("STD", null);
        api.request("DELETE", "sales-cycles/BUSY").as(InProcessApi.ADMIN).send().problem(409, "conflict");
        api.request("DELETE", "sales-cycles/BUSY").as(InProcessApi.ADMIN).header("If-Match", "\"3\"").send()
                .problem(412, "precondition-failed");
    }

    @Test
    public void statisticsPassTheirDatesAndAnswerTheAnalysis() {
        OpportunityStatisticsService statistics = mock(OpportunityStatisticsService.class);
        resource.statistics = statistics;
        Figures two = new Figures(2, new BigDecimal("20000.00"), new BigDecimal("800.00"));
        when(statistics.salesCycle("STD", LocalDate.of(2024, 1, 1), null, LocalDate.of(2024, 2, 1)))
                .thenReturn(new SalesCycleStatistics("STD", LocalDate.of(2024, 1, 1), null, LocalDate.of(2024, 2, 1),
                        two, List.of(new StageStatistics(1, "Initial", two, new BigDecimal("4.50"))),
                        new StageStatistics(null, null, two, new BigDecimal("4.50"))));

        JsonNode body = api.get("sales-cycles/STD/statistics?estimatedCloseDateFrom=2024-01-01&asOf=2024-02-01")
                .json();

        assertEquals(List.of("salesCycleCode", "estimatedCloseDateFrom", "estimatedCloseDateTo", "asOf", "open",
                "stages", "total"), fieldNames(body));
        assertEquals("{\"stage\":1,\"description\":\"Initial\",\"figures\":{\"count\":2,\"estimatedValue\":20000.00,"
                + "\"calculatedCurrentValue\":800.00},\"averageDays\":4.50}", body.get("stages").get(0).toString());
        assertTrue(body.get("total").get("stage").isNull());
        assertEquals("asOf", field(api.get("sales-cycles/STD/statistics?asOf=soon").problem(400, "validation"), 0));
    }

    @Test
    public void withoutTheCyclesModuleEveryEndpointIs503AndRecoversWhenItReturns() {
        resource.cycles = null;

        assertEquals("the cycles module is not available",
                api.get("sales-cycles").problem(503, "unavailable").get("detail").asText());
        api.send("POST", "sales-cycles", STD).problem(503, "unavailable");
        api.get("sales-cycles/STD").problem(503, "unavailable");
        api.send("PATCH", "sales-cycles/STD", "{}").problem(503, "unavailable");
        api.request("DELETE", "sales-cycles/STD").as(InProcessApi.ADMIN).send().problem(503, "unavailable");

        resource.cycles = service;
        assertEquals(200, api.get("sales-cycles/STD").status());
    }

    private static List<Integer> stageNumbers(JsonNode cycle) {
        List<Integer> numbers = new ArrayList<>();
        cycle.get("stages").forEach(stage -> numbers.add(stage.get("stage").asInt()));
        return numbers;
    }
}
