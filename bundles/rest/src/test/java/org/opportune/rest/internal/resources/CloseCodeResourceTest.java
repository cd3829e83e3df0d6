package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opportune.rest.internal.resources.JsonAsserts.field;
import static org.opportune.rest.internal.resources.JsonAsserts.message;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.PageRequest;
import org.opportune.api.ValidationException;
import org.opportune.api.cycle.CloseCodeValues;
import org.opportune.api.cycle.CloseOpportunityCodeQuery;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

/** {@code /close-codes} over HTTP, against canned answers of the service. */
public class CloseCodeResourceTest {
    private static final String WIN1 = "{\"code\":\"win1\",\"type\":\"WON\",\"description\":\"Signed\"}";

    private final CloseOpportunityCodeService service = mock(CloseOpportunityCodeService.class);
    private final CloseCodeResource resource = new CloseCodeResource();
    private final ArgumentCaptor<CloseCodeValues> values = ArgumentCaptor.forClass(CloseCodeValues.class);
    private InProcessApi api;

    @Before
    public void setUp() {
        resource.closeCodes = service;
        api = new InProcessApi(resource);
        doReturn(Views.win1(1)).when(service).get("WIN1");
    }

    @Test
    public void createAnswers201WithLocationETagAndTheCode() {
        when(service.create(eq("win1"), any())).thenReturn(Views.win1(1));

        Reply reply = api.send("POST", "close-codes", WIN1);

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals("http://localhost:8181/api/v1/close-codes/WIN1", reply.header("Location"));
        assertEquals("\"1\"", reply.header("ETag"));
        assertEquals("{\"code\":\"WIN1\",\"description\":\"Signed\",\"type\":\"WON\",\"version\":1,"
                + "\"changedBy\":\"admin\",\"changedAt\":\"2024-01-10T09:30:00Z\"}", reply.body());
        verify(service).create(eq("win1"), values.capture());
        assertEquals("Signed", values.getValue().description());
        assertEquals(CloseOpportunityCodeType.WON, values.getValue().type());
        assertEquals(reply.json(), api.get("close-codes/WIN1").json());
    }

    @Test
    public void aTypeOutsideTheEnumIs400ListingTheAllowedValues() {
        JsonNode problem = api.send("POST", "close-codes", WIN1.replace("WON", "WINNING")).problem(400, "validation");

        assertEquals("type", field(problem, 0));
        assertEquals("must be one of WON, LOST (got \"WINNING\")", message(problem, 0));
        verify(service, never()).create(anyString(), any());
    }

    @Test
    public void theServicesFieldErrorsAndConflictsAreTranslated() {
        when(service.create(eq("X"), any())).thenThrow(new ValidationException("type", "is required"));
        when(service.create(eq("win1"), any())).thenThrow(new ConflictException("close opportunity code WIN1 exists"
                + " already", List.of(new FieldError("code", "is taken by an existing close opportunity code"))));

        assertEquals("type", field(api.send("POST", "close-codes", "{\"code\":\"X\"}").problem(400, "validation"), 0));
        verify(service).create(eq("X"), values.capture());
        assertNull("what is not given is passed on as not set", values.getValue().type());
        assertEquals("code", field(api.send("POST", "close-codes", WIN1).problem(409, "conflict"), 0));
    }

    @Test
    public void listPassesTheTypeFilterAndAnswersTheEnvelope() {
        when(service.list(any(), any())).thenReturn(Views.page(List.of(Views.win1(1))));

        JsonNode page = api.get("close-codes?type=won").json();

        assertEquals(1, page.get("total").asInt());
        assertEquals("WIN1", page.get("items").get(0).get("code").asText());
        assertEquals(50, page.get("limit").asInt());
        verify(service).list(CloseOpportunityCodeQuery.all().withType(CloseOpportunityCodeType.WON),
                PageRequest.first());
    }

    @Test
    public void aWrongTypeFilterAnUnknownFilterAndAnUnknownSortAre400() {
        JsonNode type = api.get("close-codes?type=DRAW").problem(400, "validation");
        assertEquals("type", field(type, 0));
        assertEquals("must be one of WON, LOST (got 'DRAW')", message(type, 0));

        JsonNode unknown = api.get("close-codes?q=win").problem(400, "validation");
        assertEquals("q", field(unknown, 0));
        assertTrue(unknown.toString(), message(unknown, 0).endsWith("known: type, offset, limit, sort"));
        when(service.list(any(), any())).thenThrow(new ValidationException("sort", "unknown sort field 'version'"));
        assertEquals("sort", field(api.get("close-codes?sort=version").problem(400, "validation"), 0));
    }

    @Test
    public void replaceIsGuardedByIfMatch() {
        api.request("PUT", "close-codes/WIN1").as(InProcessApi.ADMIN).header("If-Match", "\"4\"")
                .json("{\"type\":\"LOST\"}").send().problem(412, "precondition-failed");
        verify(service, never()).update(anyString(), any(), any());
        when(service.update(eq("WIN1"), any(), eq(1L))).thenReturn(Views.win1(2));

        Reply reply = api.request("PUT", "close-codes/WIN1").as(InProcessApi.ADMIN).header("If-Match", "\"1\"")
                .json("{\"type\":\"LOST\",\"description\":\"Lost after all\"}").send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        verify(service).update(eq("WIN1"), values.capture(), eq(1L));
        assertEquals(CloseOpportunityCodeType.LOST, values.getValue().type());
        assertEquals("Lost after all", values.getValue().description());
    }

    @Test
    public void patchChangesOnlyWhatItNames() {
        when(service.update(eq("WIN1"), any(), eq(1L))).thenReturn(Views.win1(2));

        Reply reply = api.request("PATCH", "close-codes/WIN1").as(InProcessApi.ADMIN)
                .body("application/merge-patch+json", "{\"description\":null}".getBytes(StandardCharsets.UTF_8))
                .send();

        assertEquals(reply.toString(), 200, reply.status());
        verify(service).update(eq("WIN1"), values.capture(), eq(1L));
        assertNull(values.getValue().description());
        assertEquals(CloseOpportunityCodeType.WON, values.getValue().type());
        assertEquals("type", field(api.send("PATCH", "close-codes/WIN1", "{\"type\":\"MAYBE\"}")
                .problem(400, "validation"), 0));
        assertEquals("changedBy", field(api.send("PATCH", "close-codes/WIN1", "{\"changedBy\":\"me\"}")
                .problem(400, "validation"), 0));
    }

    @Test
    public void deleteAnswers204OrConflictWhenUsed() {
        doThrow(new ConflictException("close opportunity code PRICE is used by 2 entries")).when(service)
                .delete("PRICE", null);

        assertEquals(204, api.request("DELETE", "close-codes/WIN1").as(InProcessApi.ADMIN).send().status());
        verify(service).delete("WIN1", null);
        api.request("DELETE", "close-codes/PRICE").as(InProcessApi.ADMIN).send().problem(409, "conflict");
    }

    @Test
    public void withoutTheCyclesModuleEveryEndpointIs503() {
        resource.closeCodes = null;

        assertEquals("the cycles module is not available",
                api.get("close-codes").problem(503, "unavailable").get("detail").asText());
        api.send("POST", "close-codes", WIN1).problem(503, "unavailable");
        api.get("close-codes/WIN1").problem(503, "unavailable");
        api.send("PUT", "close-codes/WIN1", WIN1).problem(503, "unavailable");
        api.request("DELETE", "close-codes/WIN1").as(InProcessApi.ADMIN).send().problem(503, "unavailable");

        resource.closeCodes = service;
        assertEquals(200, api.get("close-codes/WIN1").status());
    }
}
