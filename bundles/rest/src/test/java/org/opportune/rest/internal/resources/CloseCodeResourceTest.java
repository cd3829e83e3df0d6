package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.opportune.rest.internal.resources.SalesCycleResourceTest.field;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

public class CloseCodeResourceTest {
    private static final String WIN1 = "{\"code\":\"win1\",\"type\":\"WON\",\"description\":\"Signed\"}";
    private static final String PRICE = "{\"code\":\"PRICE\",\"type\":\"LOST\",\"description\":\"Too expensive\"}";

    private final FakeCloseCodeService service = new FakeCloseCodeService();
    private final CloseCodeResource resource = new CloseCodeResource();
    private InProcessApi api;

    @Before
    public void setUp() {
        resource.closeCodes = service;
        api = new InProcessApi(resource);
    }

    @Test
    public void createAnswers201WithLocationETagAndTheCode() {
        Reply reply = api.send("POST", "close-codes", WIN1);

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals("http://localhost:8181/api/v1/close-codes/WIN1", reply.header("Location"));
        assertEquals("\"1\"", reply.header("ETag"));
        assertEquals("{\"code\":\"WIN1\",\"description\":\"Signed\",\"type\":\"WON\",\"version\":1}", reply.body());
        assertEquals(reply.json(), api.get("close-codes/win1").json());
        assertEquals("\"1\"", api.get("close-codes/WIN1").header("ETag"));
    }

    @Test
    public void aTypeOutsideTheEnumIs400ListingTheAllowedValues() {
        JsonNode problem = api.send("POST", "close-codes", WIN1.replace("WON", "WINNING")).problem(400, "validation");

        assertEquals("type", field(problem, 0));
        assertEquals("must be one of WON, LOST (got \"WINNING\")",
                problem.get("errors").get(0).get("message").asText());
        assertTrue(service.find("WIN1").isEmpty());
    }

    @Test
    public void aMissingTypeOrTooLongCodeIs400() {
        assertEquals("type", field(api.send("POST", "close-codes", "{\"code\":\"X\"}").problem(400, "validation"), 0));
        assertEquals("code", field(api.send("POST", "close-codes", "{\"code\":\"ELEVENCHARS\",\"type\":\"LOST\"}")
                .problem(400, "validation"), 0));
    }

    @Test
    public void duplicateIs409() {
        api.send("POST", "close-codes", WIN1);

        assertEquals("code", field(api.send("POST", "close-codes", WIN1).problem(409, "conflict"), 0));
    }

    @Test
    public void listFiltersByType() {
        api.send("POST", "close-codes", WIN1);
        api.send("POST", "close-codes", PRICE);

        JsonNode all = api.get("close-codes").json();
        assertEquals(2, all.get("total").asInt());
        JsonNode lost = api.get("close-codes?type=lost").json();
        assertEquals(1, lost.get("total").asInt());
        assertEquals("PRICE", lost.get("items").get(0).get("code").asText());
        assertEquals(50, lost.get("limit").asInt());
    }

    @Test
    public void aWrongTypeFilterAnUnknownFilterAndAnUnknownSortAre400() {
        JsonNode type = api.get("close-codes?type=DRAW").problem(400, "validation");
        assertEquals("type", field(type, 0));
        assertEquals("must be one of WON, LOST (got 'DRAW')", type.get("errors").get(0).get("message").asText());

        JsonNode unknown = api.get("close-codes?q=win").problem(400, "validation");
        assertEquals("q", field(unknown, 0));
        assertTrue(unknown.toString(), unknown.get("errors").get(0).get("message").asText()
                .endsWith("known: type, offset, limit, sort"));
        assertEquals("sort", field(api.get("close-codes?sort=version").problem(400, "validation"), 0));
    }

    @Test
    public void replaceIsGuardedByIfMatch() {
        api.send("POST", "close-codes", WIN1);

        api.request("PUT", "close-codes/WIN1").as(InProcessApi.ADMIN).header("If-Match", "\"4\"")
                .json("{\"type\":\"LOST\"}").send().problem(412, "precondition-failed");
        assertEquals(CloseOpportunityCodeType.WON, service.get("WIN1").type());

        Reply reply = api.request("PUT", "close-codes/WIN1").as(InProcessApi.ADMIN).header("If-Match", "\"1\"")
                .json("{\"type\":\"LOST\",\"description\":\"Lost after all\"}").send();
        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        assertEquals("LOST", reply.json().get("type").asText());
    }

    @Test
    public void patchChangesOnlyWhatItNames() {
        api.send("POST", "close-codes", WIN1);

        Reply reply = api.request("PATCH", "close-codes/WIN1").as(InProcessApi.ADMIN)
                .body("application/merge-patch+json", "{\"description\":null}".getBytes(StandardCharsets.UTF_8))
                .send();

        assertEquals(reply.toString(), 200, reply.status());
        assertTrue(reply.json().get("description").isNull());
        assertEquals("WON", reply.json().get("type").asText());
        assertEquals("type", field(api.send("PATCH", "close-codes/WIN1", "{\"type\":\"MAYBE\"}")
                .problem(400, "validation"), 0));
        assertEquals("type", field(api.send("PATCH", "close-codes/WIN1", "{\"type\":null}")
                .problem(400, "validation"), 0));
    }

    @Test
    public void deleteAnswers204OrConflictWhenUsed() {
        api.send("POST", "close-codes", WIN1);
        api.send("POST", "close-codes", PRICE);
        service.inUse.add("PRICE");

        assertEquals(204, api.request("DELETE", "close-codes/WIN1").as(InProcessApi.ADMIN).send().status());
        api.get("close-codes/WIN1").problem(404, "not-found");
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
        assertEquals(200, api.get("close-codes").status());
    }
}
