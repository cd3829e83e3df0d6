package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

public class SalespersonResourceTest {
    private static final String JO = "{\"code\":\"jo\",\"name\":\"Jo Miller\",\"email\":\"jo@example.com\","
            + "\"phone\":null,\"jobTitle\":\"Sales\",\"commissionPercent\":2.50,\"blocked\":false}";

    private final FakeSalespersonService service = new FakeSalespersonService();
    private final SalespersonResource resource = new SalespersonResource();
    private InProcessApi api;

    @Before
    public void setUp() {
        resource.salespeople = service;
        api = new InProcessApi(resource);
    }

    @Test
    public void createAnswers201WithLocationETagAndTheRecord() {
        Reply reply = api.send("POST", "salespeople", JO);

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals("http://localhost:8181/api/v1/salespeople/JO", reply.header("Location"));
        assertEquals("\"1\"", reply.header("ETag"));
        JsonNode body = reply.json();
        assertEquals("JO", body.get("code").asText());
        assertEquals("2.50", body.get("commissionPercent").decimalValue().toPlainString());
        assertTrue("nulls are written", body.has("phone") && body.get("phone").isNull());
        assertEquals(1, body.get("version").asLong());
        assertEquals(Arrays.asList("code", "name", "email", "phone", "jobTitle", "commissionPercent", "blocked",
                "version"), fieldNames(body));
    }

    @Test
    public void getAnswersTheRecordWithETag() {
        api.send("POST", "salespeople", JO);

        Reply reply = api.get("salespeople/jo");

        assertEquals(200, reply.status());
        assertEquals("\"1\"", reply.header("ETag"));
        assertEquals("Jo Miller", reply.json().get("name").asText());
    }

    @Test
    public void unknownKeyIs404Problem() {
        JsonNode problem = api.get("salespeople/NOBODY").problem(404, "not-found");

        assertEquals("salesperson NOBODY does not exist", problem.get("detail").asText());
        assertEquals("/api/v1/salespeople/NOBODY", problem.get("instance").asText());
    }

    @Test
    public void listAnswersTheEnvelopeWithFiltersAndPaging() {
        api.send("POST", "salespeople", JO);
        api.send("POST", "salespeople", "{\"code\":\"AL\",\"name\":\"Al Ray\",\"blocked\":true}");
        api.send("POST", "salespeople", "{\"code\":\"BO\",\"name\":\"Bo Lund\"}");

        JsonNode all = api.get("salespeople?limit=2&sort=-name").json();
        assertEquals(3, all.get("total").asInt());
        assertEquals(0, all.get("offset").asInt());
        assertEquals(2, all.get("limit").asInt());
        assertEquals(2, all.get("items").size());
        assertEquals("JO", all.get("items").get(0).get("code").asText());

        JsonNode blocked = api.get("salespeople?blocked=true").json();
        assertEquals(1, blocked.get("total").asInt());
        assertEquals("AL", blocked.get("items").get(0).get("code").asText());
        assertEquals(50, blocked.get("limit").asInt());

        assertEquals(1, api.get("salespeople?q=lund").json().get("total").asInt());
    }

    @Test
    public void unknownFilterIs400NamingItAndTheKnownOnes() {
        JsonNode problem = api.get("salespeople?blockd=true").problem(400, "validation");

        assertEquals("blockd", problem.get("errors").get(0).get("field").asText());
        assertTrue(problem.get("errors").get(0).get("message").asText(),
                problem.get("errors").get(0).get("message").asText().contains("q, blocked, offset, limit, sort"));
    }

    @Test
    public void badBooleanFilterAndBadPagingAre400NamingTheParameter() {
        assertEquals("blocked", api.get("salespeople?blocked=maybe").problem(400, "validation")
                .get("errors").get(0).get("field").asText());
        assertEquals("limit", api.get("salespeople?limit=501").problem(400, "validation")
                .get("errors").get(0).get("field").asText());
        assertEquals("offset", api.get("salespeople?offset=x").problem(400, "validation")
                .get("errors").get(0).get("field").asText());
        assertEquals("sort", api.get("salespeople?sort=shoeSize").problem(400, "validation")
                .get("errors").get(0).get("field").asText());
    }

    @Test
    public void malformedJsonIs400() {
        JsonNode problem = api.send("POST", "salespeople", "{\"code\": \"JO\",").problem(400, "validation");

        assertTrue(problem.get("detail").asText(), problem.get("detail").asText().startsWith("malformed JSON"));
    }

    @Test
    public void wrongTypeIs400NamingTheFieldAndTheExpectedType() {
        JsonNode problem = api.send("POST", "salespeople", "{\"code\":\"JO\",\"name\":\"Jo\",\"commissionPercent\":\"abc\"}")
                .problem(400, "validation");
        assertEquals("commissionPercent", problem.get("errors").get(0).get("field").asText());
        assertTrue(problem.toString(), problem.get("errors").get(0).get("message").asText().contains("a number"));

        JsonNode numberAsString = api.send("POST", "salespeople",
                "{\"code\":\"JO\",\"name\":\"Jo\",\"commissionPercent\":\"12\"}").problem(400, "validation");
        assertEquals("commissionPercent", numberAsString.get("errors").get(0).get("field").asText());

        JsonNode booleanAsString = api.send("POST", "salespeople", "{\"code\":\"JO\",\"name\":\"Jo\",\"blocked\":\"true\"}")
                .problem(400, "validation");
        assertEquals("blocked", booleanAsString.get("errors").get(0).get("field").asText());

        JsonNode nullForPrimitive = api.send("POST", "salespeople", "{\"code\":\"JO\",\"name\":\"Jo\",\"blocked\":null}")
                .problem(400, "validation");
        assertEquals("blocked", nullForPrimitive.get("errors").get(0).get("field").asText());
        assertTrue(nullForPrimitive.toString(),
                nullForPrimitive.get("errors").get(0).get("message").asText().contains("must not be null"));
    }

    @Test
    public void unknownFieldIs400() {
        JsonNode problem = api.send("POST", "salespeople", "{\"code\":\"JO\",\"name\":\"Jo\",\"nickname\":\"J\"}")
                .problem(400, "validation");

        assertEquals("nickname", problem.get("errors").get(0).get("field").asText());
        assertTrue(problem.get("errors").get(0).get("message").asText().startsWith("is not a known field"));
    }

    @Test
    public void domainValidationIs400WithTheFieldErrors() {
        JsonNode problem = api.send("POST", "salespeople", "{\"code\":\"JO\",\"name\":\"\",\"commissionPercent\":101}")
                .problem(400, "validation");

        assertEquals(2, problem.get("errors").size());
        assertEquals("name", problem.get("errors").get(0).get("field").asText());
        assertEquals("commissionPercent", problem.get("errors").get(1).get("field").asText());
    }

    @Test
    public void duplicateIs409() {
        api.send("POST", "salespeople", JO);

        JsonNode problem = api.send("POST", "salespeople", JO).problem(409, "conflict");

        assertEquals("code", problem.get("errors").get(0).get("field").asText());
        assertFalse("no rule for a refusal that is not a named rule", problem.has("rule"));
    }

    @Test
    public void nonJsonBodyIs415() {
        Reply reply = api.request("POST", "salespeople").as(InProcessApi.ADMIN)
                .body("text/plain", "code=JO".getBytes(StandardCharsets.UTF_8)).send();

        reply.problem(415, "unsupported-media-type");
    }

    @Test
    public void emptyBodyIs400() {
        api.send("POST", "salespeople", "").problem(400, "validation");
    }

    @Test
    public void bodyOverOneMebibyteIs413WithOrWithoutContentLength() {
        byte[] large = largeSalesperson(1_048_577);

        api.request("POST", "salespeople").as(InProcessApi.ADMIN).body("application/json", large).send()
                .problem(413, "payload-too-large");
        api.request("POST", "salespeople").as(InProcessApi.ADMIN).chunked("application/json", large).send()
                .problem(413, "payload-too-large");
        assertTrue("nothing was created", service.find("BIG").isEmpty());
    }

    @Test
    public void bodyOfExactlyOneMebibyteIsRead() {
        Reply reply = api.request("POST", "salespeople").as(InProcessApi.ADMIN)
                .chunked("application/json", largeSalesperson(1_048_576)).send();

        // read in full and refused by the domain for its long name, not for its size
        JsonNode problem = reply.problem(400, "validation");
        assertEquals("name", problem.get("errors").get(0).get("field").asText());
    }

    @Test
    public void replaceWithStaleIfMatchIs412AndChangesNothing() {
        api.send("POST", "salespeople", JO);

        Reply stale = api.request("PUT", "salespeople/JO").as(InProcessApi.ADMIN).header("If-Match", "\"7\"")
                .json("{\"name\":\"Jo Other\"}").send();

        stale.problem(412, "precondition-failed");
        assertEquals("Jo Miller", service.get("JO").name());
    }

    @Test
    public void replaceWithCurrentIfMatchAnswersTheNewVersion() {
        api.send("POST", "salespeople", JO);

        Reply reply = api.request("PUT", "salespeople/JO").as(InProcessApi.ADMIN).header("If-Match", "W/\"1\"")
                .json("{\"name\":\"Jo Other\",\"blocked\":true}").send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        assertEquals("Jo Other", reply.json().get("name").asText());
        assertTrue(reply.json().get("blocked").asBoolean());
    }

    @Test
    public void malformedIfMatchIs400() {
        api.send("POST", "salespeople", JO);

        JsonNode problem = api.request("PUT", "salespeople/JO").as(InProcessApi.ADMIN).header("If-Match", "1")
                .json("{\"name\":\"Jo Other\"}").send().problem(400, "validation");

        assertEquals("If-Match", problem.get("errors").get(0).get("field").asText());
    }

    @Test
    public void patchMergesIntoTheCurrentRecordAndGuardsAgainstARace() {
        api.send("POST", "salespeople", JO);

        Reply reply = api.request("PATCH", "salespeople/JO").as(InProcessApi.ADMIN)
                .body("application/merge-patch+json", "{\"jobTitle\":\"Lead\",\"email\":null}"
                        .getBytes(StandardCharsets.UTF_8)).send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        JsonNode body = reply.json();
        assertEquals("Lead", body.get("jobTitle").asText());
        assertTrue(body.get("email").isNull());
        assertEquals("Jo Miller", body.get("name").asText());
        assertEquals("2.50", body.get("commissionPercent").decimalValue().toPlainString());
        assertEquals("without If-Match the version just read is expected", Long.valueOf(1),
                service.expectedVersions.get(0));
    }

    @Test
    public void patchAsPlainJsonWithIfMatch() {
        api.send("POST", "salespeople", JO);

        Reply stale = api.request("PATCH", "salespeople/JO").as(InProcessApi.ADMIN).header("If-Match", "\"5\"")
                .json("{\"blocked\":true}").send();
        stale.problem(412, "precondition-failed");

        Reply fresh = api.request("PATCH", "salespeople/JO").as(InProcessApi.ADMIN).header("If-Match", "\"1\"")
                .json("{\"blocked\":true}").send();
        assertEquals(fresh.toString(), 200, fresh.status());
        assertTrue(fresh.json().get("blocked").asBoolean());
    }

    @Test
    public void patchWithWrongTypeOrUnknownFieldIs400NamingTheField() {
        api.send("POST", "salespeople", JO);

        assertEquals("commissionPercent", api.send("PATCH", "salespeople/JO", "{\"commissionPercent\":\"high\"}")
                .problem(400, "validation").get("errors").get(0).get("field").asText());
        assertEquals("shoeSize", api.send("PATCH", "salespeople/JO", "{\"shoeSize\":44}")
                .problem(400, "validation").get("errors").get(0).get("field").asText());
        assertEquals("blocked", api.send("PATCH", "salespeople/JO", "{\"blocked\":null}")
                .problem(400, "validation").get("errors").get(0).get("field").asText());
        api.send("PATCH", "salespeople/JO", "[1,2]").problem(400, "validation");
        assertEquals(1L, service.get("JO").version().longValue());
    }

    @Test
    public void patchOfAnUnknownKeyIs404() {
        api.send("PATCH", "salespeople/NOBODY", "{\"name\":\"x\"}").problem(404, "not-found");
    }

    @Test
    public void deleteAnswers204() {
        api.send("POST", "salespeople", JO);

        Reply reply = api.request("DELETE", "salespeople/JO").as(InProcessApi.ADMIN).send();

        assertEquals(204, reply.status());
        assertTrue(reply.body().isEmpty());
        assertTrue(service.find("JO").isEmpty());
    }

    @Test
    public void withoutTheServiceEveryEndpointIs503AndRecoversWhenItReturns() {
        resource.salespeople = null;

        JsonNode problem = api.get("salespeople").problem(503, "unavailable");
        assertEquals("the salespeople module is not available", problem.get("detail").asText());
        api.send("POST", "salespeople", JO).problem(503, "unavailable");
        api.get("salespeople/JO").problem(503, "unavailable");

        resource.salespeople = service;
        assertEquals(200, api.get("salespeople").status());
    }

    @Test
    public void unknownQueryParameterOnASingleRecordIs400() {
        api.send("POST", "salespeople", JO);

        assertNull(api.get("salespeople/JO").json().get("nothing"));
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

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
