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
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opportune.rest.internal.resources.JsonAsserts.field;
import static org.opportune.rest.internal.resources.JsonAsserts.fieldNames;
import static org.opportune.rest.internal.resources.JsonAsserts.message;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.SortKey;
import org.opportune.api.StaleVersionException;
import org.opportune.api.ValidationException;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.api.salesperson.SalespersonValues;
import org.opportune.api.statistics.Figures;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.api.statistics.SalespersonStatistics;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

/** {@code /salespeople} over HTTP, against canned answers of the service. */
public class SalespersonResourceTest {
    private static final String JO = "{\"code\":\"jo\",\"name\":\"Jo Miller\",\"email\":\"jo@example.com\","
            + "\"phone\":null,\"jobTitle\":\"Sales\",\"commissionPercent\":2.50,\"blocked\":false,\"userName\":\"jo\"}";
    /** Jo as the API answers it, version 1. */
    private static final String JO_JSON = "{\"code\":\"JO\",\"name\":\"Jo Miller\",\"email\":\"jo@example.com\","
            + "\"phone\":null,\"jobTitle\":\"Sales\",\"commissionPercent\":2.50,\"blocked\":false,\"userName\":\"jo\","
            + "\"version\":1,\"changedBy\":\"admin\",\"changedAt\":\"2024-01-10T09:30:00Z\"}";

    private final SalespersonService service = mock(SalespersonService.class);
    private final SalespersonResource resource = new SalespersonResource();
    private final ArgumentCaptor<SalespersonValues> values = ArgumentCaptor.forClass(SalespersonValues.class);
    private InProcessApi api;

    @Before
    public void setUp() {
        resource.salespeople = service;
        api = new InProcessApi(resource);
        doThrow(new NotFoundException("salesperson", "NOBODY")).when(service).get(anyString());
        doReturn(Views.jo()).when(service).get("JO");
        doReturn(Views.jo()).when(service).get("jo");
    }

    @Test
    public void createAnswers201WithLocationETagAndTheRecord() {
        when(service.create(eq("jo"), any())).thenReturn(Views.jo());

        Reply reply = api.send("POST", "salespeople", JO);

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals("http://localhost:8181/api/v1/salespeople/JO", reply.header("Location"));
        assertEquals("\"1\"", reply.header("ETag"));
        assertEquals(JO_JSON, reply.body());
        assertEquals(Arrays.asList("code", "name", "email", "phone", "jobTitle", "commissionPercent", "blocked",
                "userName", "version", "changedBy", "changedAt"), fieldNames(reply.json()));
        verify(service).create(eq("jo"), values.capture());
        SalespersonValues given = values.getValue();
        assertEquals("Jo Miller", given.name());
        assertEquals("jo@example.com", given.email());
        assertNull(given.phone());
        assertEquals("Sales", given.jobTitle());
        assertEquals(new BigDecimal("2.50"), given.commissionPercent());
        assertFalse(given.blocked());
        assertEquals("the user name is writable", "jo", given.userName());
    }

    @Test
    public void createRefusesServerOwnedFieldsAndAsksNoService() {
        JsonNode problem = api.send("POST", "salespeople", JO.replace("}", ",\"version\":3,\"changedBy\":\"x\"}"))
                .problem(400, "validation");

        assertEquals(List.of("version", "changedBy"), JsonAsserts.fields(problem));
        assertEquals("is set by the server", message(problem, 0));
        verify(service, never()).create(anyString(), any());
    }

    @Test
    public void getAnswersTheRecordWithETag() {
        Reply reply = api.get("salespeople/JO");

        assertEquals(200, reply.status());
        assertEquals("\"1\"", reply.header("ETag"));
        assertEquals(JO_JSON, reply.body());
    }

    @Test
    public void unknownKeyIs404Problem() {
        JsonNode problem = api.get("salespeople/NOBODY").problem(404, "not-found");

        assertEquals("salesperson NOBODY does not exist", problem.get("detail").asText());
        assertEquals("/api/v1/salespeople/NOBODY", problem.get("instance").asText());
    }

    @Test
    public void listAnswersTheEnvelopeAndPassesFiltersAndPaging() {
        when(service.list(any(), any())).thenReturn(new Page<>(List.of(Views.jo()), 3, 0, 2));

        JsonNode page = api.get("salespeople?limit=2&sort=-name&q=mil&blocked=false").json();

        assertEquals(List.of("items", "total", "offset", "limit"), fieldNames(page));
        assertEquals(3, page.get("total").asInt());
        assertEquals(2, page.get("limit").asInt());
        assertEquals(JO_JSON, page.get("items").get(0).toString());
        verify(service).list(SalespersonQuery.all().withText("mil").withBlocked(false),
                new PageRequest(0, 2, List.of(new SortKey("name", true))));
    }

    @Test
    public void unknownFilterIs400NamingItAndTheKnownOnes() {
        JsonNode problem = api.get("salespeople?blockd=true").problem(400, "validation");

        assertEquals("blockd", field(problem, 0));
        assertTrue(message(problem, 0), message(problem, 0).contains("q, blocked, offset, limit, sort"));
    }

    @Test
    public void badBooleanFilterAndBadPagingAre400NamingTheParameter() {
        assertEquals("blocked", field(api.get("salespeople?blocked=maybe").problem(400, "validation"), 0));
        assertEquals("limit", field(api.get("salespeople?limit=501").problem(400, "validation"), 0));
        assertEquals("offset", field(api.get("salespeople?offset=x").problem(400, "validation"), 0));
        verify(service, never()).list(any(), any());
    }

    @Test
    public void theServicesRefusalOfASortFieldIs400() {
        when(service.list(any(), any())).thenThrow(new ValidationException("sort", "unknown sort field 'shoeSize'"));

        assertEquals("sort", field(api.get("salespeople?sort=shoeSize").problem(400, "validation"), 0));
    }

    @Test
    public void malformedJsonIs400() {
        JsonNode problem = api.send("POST", "salespeople", "{\"code\": \"JO\",").problem(400, "validation");

        assertTrue(problem.get("detail").asText(), problem.get("detail").asText().startsWith("malformed JSON"));
    }

    @Test
    public void wrongTypeIs400NamingTheFieldAndTheExpectedType() {
        JsonNode problem = api.send("POST", "salespeople",
                "{\"code\":\"JO\",\"name\":\"Jo\",\"commissionPercent\":\"abc\"}").problem(400, "validation");
        assertEquals("commissionPercent", field(problem, 0));
        assertTrue(problem.toString(), message(problem, 0).contains("a number"));

        assertEquals("commissionPercent", field(api.send("POST", "salespeople",
                "{\"code\":\"JO\",\"name\":\"Jo\",\"commissionPercent\":\"12\"}").problem(400, "validation"), 0));
        assertEquals("blocked", field(api.send("POST", "salespeople",
                "{\"code\":\"JO\",\"name\":\"Jo\",\"blocked\":\"true\"}").problem(400, "validation"), 0));
        assertEquals("userName", field(api.send("POST", "salespeople",
                "{\"code\":\"JO\",\"name\":\"Jo\",\"userName\":7}").problem(400, "validation"), 0));
        assertEquals("changedAt", field(api.send("POST", "salespeople",
                "{\"code\":\"JO\",\"name\":\"Jo\",\"changedAt\":\"yesterday\"}").problem(400, "validation"), 0));

        JsonNode nullForPrimitive = api.send("POST", "salespeople",
                "{\"code\":\"JO\",\"name\":\"Jo\",\"blocked\":null}").problem(400, "validation");
        assertEquals("blocked", field(nullForPrimitive, 0));
        assertTrue(nullForPrimitive.toString(), message(nullForPrimitive, 0).contains("must not be null"));
        verify(service, never()).create(anyString(), any());
    }

    @Test
    public void unknownFieldIs400() {
        JsonNode problem = api.send("POST", "salespeople", "{\"code\":\"JO\",\"name\":\"Jo\",\"nickname\":\"J\"}")
                .problem(400, "validation");

        assertEquals("nickname", field(problem, 0));
        assertTrue(message(problem, 0).startsWith("is not a known field"));
    }

    @Test
    public void theServicesFieldErrorsAre400WithEveryField() {
        when(service.create(anyString(), any())).thenThrow(new ValidationException(List.of(
                new FieldError("name", "is required"),
                new FieldError("commissionPercent", "must be between 0 and 100"))));

        JsonNode problem = api.send("POST", "salespeople", "{\"code\":\"JO\",\"name\":\"\",\"commissionPercent\":101}")
                .problem(400, "validation");

        assertEquals(List.of("name", "commissionPercent"), JsonAsserts.fields(problem));
        assertEquals("name is required (and 1 more)", problem.get("detail").asText());
    }

    @Test
    public void aConflictIs409WithoutRuleMembers() {
        when(service.create(anyString(), any())).thenThrow(new ConflictException("salesperson JO exists already",
                List.of(new FieldError("code", "is taken"))));

        JsonNode problem = api.send("POST", "salespeople", JO).problem(409, "conflict");

        assertEquals("code", field(problem, 0));
        assertFalse("no rule for a refusal that is not a named rule", problem.has("rule"));
    }

    @Test
    public void nonJsonBodyIs415AndAnEmptyOne400() {
        api.request("POST", "salespeople").as(InProcessApi.ADMIN)
                .body("text/plain", "code=JO".getBytes(StandardCharsets.UTF_8)).send()
                .problem(415, "unsupported-media-type");
        api.send("POST", "salespeople", "").problem(400, "validation");
        verify(service, never()).create(anyString(), any());
    }

    @Test
    public void bodyOverOneMebibyteIs413WithOrWithoutContentLength() {
        byte[] large = largeSalesperson(1_048_577);

        api.request("POST", "salespeople").as(InProcessApi.ADMIN).body("application/json", large).send()
                .problem(413, "payload-too-large");
        api.request("POST", "salespeople").as(InProcessApi.ADMIN).chunked("application/json", large).send()
                .problem(413, "payload-too-large");
        verify(service, never()).create(anyString(), any());
    }

    @Test
    public void bodyOfExactlyOneMebibyteIsReadAndPassedOn() {
        when(service.create(eq("BIG"), any())).thenThrow(new ValidationException("name", "must be at most 50"));

        JsonNode problem = api.request("POST", "salespeople").as(InProcessApi.ADMIN)
                .chunked("application/json", largeSalesperson(1_048_576)).send().problem(400, "validation");

        assertEquals("name", field(problem, 0));
        verify(service).create(eq("BIG"), values.capture());
        assertEquals(1_048_576 - "{\"code\":\"BIG\",\"name\":\"\"}".length(), values.getValue().name().length());
    }

    @Test
    public void replaceWithAStaleIfMatchIs412AndAsksNoChange() {
        Reply stale = api.request("PUT", "salespeople/JO").as(InProcessApi.ADMIN).header("If-Match", "\"7\"")
                .json("{\"name\":\"Jo Other\"}").send();

        assertEquals("salesperson JO was changed by someone else (now at version 1); read it again and retry",
                stale.problem(412, "precondition-failed").get("detail").asText());
        verify(service, never()).update(anyString(), any(), any());
    }

    @Test
    public void replaceWithTheCurrentIfMatchPassesItAndAnswersTheNewVersion() {
        when(service.update(eq("JO"), any(), eq(1L))).thenReturn(Views.jo(2));

        Reply reply = api.request("PUT", "salespeople/JO").as(InProcessApi.ADMIN).header("If-Match", "W/\"1\"")
                .json("{\"name\":\"Jo Other\",\"blocked\":true,\"userName\":\"jom\"}").send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        verify(service).update(eq("JO"), values.capture(), eq(1L));
        assertEquals("Jo Other", values.getValue().name());
        assertTrue(values.getValue().blocked());
        assertEquals("jom", values.getValue().userName());
        assertNull("what the body leaves out is cleared", values.getValue().email());
    }

    @Test
    public void replaceTakesBackWhatWasReadAndExpectsTheVersionItNames() {
        when(service.update(eq("jo"), any(), eq(1L))).thenReturn(Views.jo(2));

        Reply reply = api.send("PUT", "salespeople/jo", JO_JSON.replace("Jo Miller", "Jo Other"));

        assertEquals(reply.toString(), 200, reply.status());
        verify(service).update(eq("jo"), values.capture(), eq(1L));
        assertEquals("Jo Other", values.getValue().name());
    }

    @Test
    public void replaceWithoutAnyVersionExpectsNone() {
        when(service.update(eq("JO"), any(), isNull())).thenReturn(Views.jo(2));

        assertEquals(200, api.send("PUT", "salespeople/JO", "{\"name\":\"Jo Other\"}").status());
        verify(service).update(eq("JO"), any(), isNull());
    }

    @Test
    public void aChangedServerOwnedFieldOrKeyIs400NamingEachAndAsksNoChange() {
        JsonNode problem = api.send("PUT", "salespeople/JO", JO_JSON.replace("\"JO\"", "\"AL\"")
                .replace("\"version\":1", "\"version\":3").replace("\"admin\"", "\"mallory\"")
                .replace("2024-01-10T09:30:00Z", "2024-01-10T09:31:00Z")).problem(400, "validation");

        assertEquals(List.of("code", "version", "changedBy", "changedAt"), JsonAsserts.fields(problem));
        assertEquals("is the key and cannot be changed (path says JO)", message(problem, 0));
        assertEquals("is owned by the server (current 1)", message(problem, 1));
        assertEquals("is owned by the server (current admin)", message(problem, 2));
        assertEquals("is owned by the server (current 2024-01-10T09:30:00Z)", message(problem, 3));
        verify(service, never()).update(anyString(), any(), any());
    }

    @Test
    public void aTimestampSentBackInAnotherZoneIsTheSameInstant() {
        when(service.update(eq("JO"), any(), eq(1L))).thenReturn(Views.jo(2));

        Reply reply = api.send("PUT", "salespeople/JO", JO_JSON.replace("2024-01-10T09:30:00Z",
                "2024-01-10T10:30:00+01:00"));

        assertEquals(reply.toString(), 200, reply.status());
    }

    @Test
    public void aChangeMadeMeanwhileIsTheServices412() {
        when(service.update(anyString(), any(), any())).thenThrow(new StaleVersionException("salesperson", "JO", 2));

        api.send("PUT", "salespeople/JO", JO_JSON).problem(412, "precondition-failed");
    }

    @Test
    public void malformedIfMatchIs400() {
        JsonNode problem = api.request("PUT", "salespeople/JO").as(InProcessApi.ADMIN).header("If-Match", "1")
                .json("{\"name\":\"Jo Other\"}").send().problem(400, "validation");

        assertEquals("If-Match", field(problem, 0));
    }

    @Test
    public void patchMergesIntoTheCurrentRecordAndExpectsTheVersionJustRead() {
        when(service.update(eq("JO"), any(), eq(1L))).thenReturn(Views.jo(2));

        Reply reply = api.request("PATCH", "salespeople/JO").as(InProcessApi.ADMIN)
                .body("application/merge-patch+json", "{\"jobTitle\":\"Lead\",\"email\":null}"
                        .getBytes(StandardCharsets.UTF_8)).send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        verify(service).update(eq("JO"), values.capture(), eq(1L));
        SalespersonValues merged = values.getValue();
        assertEquals("Lead", merged.jobTitle());
        assertNull(merged.email());
        assertEquals("Jo Miller", merged.name());
        assertEquals(new BigDecimal("2.50"), merged.commissionPercent());
        assertEquals("jo", merged.userName());
    }

    @Test
    public void patchAsPlainJsonWithIfMatch() {
        api.request("PATCH", "salespeople/JO").as(InProcessApi.ADMIN).header("If-Match", "\"5\"")
                .json("{\"blocked\":true}").send().problem(412, "precondition-failed");
        when(service.update(eq("JO"), any(), eq(1L))).thenReturn(Views.jo(2));

        Reply fresh = api.request("PATCH", "salespeople/JO").as(InProcessApi.ADMIN).header("If-Match", "\"1\"")
                .json("{\"blocked\":true}").send();

        assertEquals(fresh.toString(), 200, fresh.status());
        verify(service).update(eq("JO"), values.capture(), eq(1L));
        assertTrue(values.getValue().blocked());
    }

    @Test
    public void patchWithWrongTypeUnknownFieldOrAnotherVersionIs400NamingTheField() {
        assertEquals("commissionPercent", field(api.send("PATCH", "salespeople/JO",
                "{\"commissionPercent\":\"high\"}").problem(400, "validation"), 0));
        assertEquals("shoeSize", field(api.send("PATCH", "salespeople/JO", "{\"shoeSize\":44}")
                .problem(400, "validation"), 0));
        assertEquals("blocked", field(api.send("PATCH", "salespeople/JO", "{\"blocked\":null}")
                .problem(400, "validation"), 0));
        assertEquals("version", field(api.send("PATCH", "salespeople/JO", "{\"version\":7}")
                .problem(400, "validation"), 0));
        api.send("PATCH", "salespeople/JO", "[1,2]").problem(400, "validation");
        verify(service, never()).update(anyString(), any(), any());
    }

    @Test
    public void patchOfAnUnknownKeyIs404() {
        api.send("PATCH", "salespeople/NOBODY", "{\"name\":\"x\"}").problem(404, "not-found");
    }

    @Test
    public void deleteAnswers204AndPassesTheIfMatch() {
        Reply reply = api.request("DELETE", "salespeople/JO").as(InProcessApi.ADMIN).send();
        assertEquals(204, reply.status());
        assertTrue(reply.body().isEmpty());
        verify(service).delete("JO", null);

        assertEquals(204, api.request("DELETE", "salespeople/JO").as(InProcessApi.ADMIN).header("If-Match", "\"4\"")
                .send().status());
        verify(service).delete("JO", 4L);
    }

    @Test
    public void aDeleteTheServiceRefusesIs409() {
        doThrow(new ConflictException("salesperson JO has 3 open opportunities")).when(service).delete("JO", null);

        assertEquals("salesperson JO has 3 open opportunities", api.request("DELETE", "salespeople/JO")
                .as(InProcessApi.ADMIN).send().problem(409, "conflict").get("detail").asText());
    }

    @Test
    public void statisticsAreTheOpportunitiesModules() {
        OpportunityStatisticsService statistics = mock(OpportunityStatisticsService.class);
        when(statistics.salesperson("JO")).thenReturn(new SalespersonStatistics("JO",
                new Figures(2, new BigDecimal("15000.00"), new BigDecimal("1500.00")), new BigDecimal("7500.00"),
                new BigDecimal("750.00")));

        api.get("salespeople/JO/statistics").problem(503, "unavailable");
        resource.statistics = statistics;
        Reply reply = api.get("salespeople/JO/statistics");

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("{\"salespersonCode\":\"JO\",\"figures\":{\"count\":2,\"estimatedValue\":15000.00,"
                + "\"calculatedCurrentValue\":1500.00},\"averageEstimatedValue\":7500.00,"
                + "\"averageCalculatedCurrentValue\":750.00}", reply.body());
    }

    @Test
    public void withoutTheServiceEveryEndpointIs503AndRecoversWhenItReturns() {
        resource.salespeople = null;

        assertEquals("the salespeople module is not available",
                api.get("salespeople").problem(503, "unavailable").get("detail").asText());
        api.send("POST", "salespeople", JO).problem(503, "unavailable");
        api.get("salespeople/JO").problem(503, "unavailable");
        api.send("PUT", "salespeople/JO", JO).problem(503, "unavailable");
        api.send("PATCH", "salespeople/JO", "{}").problem(503, "unavailable");
        api.request("DELETE", "salespeople/JO").as(InProcessApi.ADMIN).send().problem(503, "unavailable");

        resource.salespeople = service;
        assertEquals(200, api.get("salespeople/JO").status());
    }

    @Test
    public void unknownQueryParameterOnASingleRecordIs400() {
        api.get("salespeople/JO?expand=all").problem(400, "validation");
    }

    private static byte[] largeSalesperson(int size) {
        String head = "{\"code\":\"BIG\",\"name\":\"";
        String tail = "\"}";
        char[] name = new char[size - head.length() - tail.length()];
        Arrays.fill(name, 'a');
        byte[] bytes = (head + new String(name) + tail).getBytes(StandardCharsets.UTF_8);
        assertEquals(size, bytes.length);
        return bytes;
    }
}
