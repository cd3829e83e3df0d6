package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

public class ContactResourceTest {
    private static final String CRONUS = "{\"type\":\"COMPANY\",\"name\":\"Cronus Ltd\",\"salespersonCode\":\"JO\","
            + "\"address\":{\"line1\":\"1 Main St\",\"city\":\"Leeds\",\"countryCode\":\"GB\"}}";

    private final FakeContactService service = new FakeContactService();
    private final ContactResource resource = new ContactResource();
    private InProcessApi api;

    @Before
    public void setUp() {
        resource.contacts = service;
        api = new InProcessApi(resource);
    }

    @Test
    public void createWithoutANumberGetsOneAndItsLocation() {
        Reply reply = api.send("POST", "contacts", CRONUS);

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals("http://localhost:8181/api/v1/contacts/CT000001", reply.header("Location"));
        assertEquals("\"1\"", reply.header("ETag"));
        JsonNode body = reply.json();
        assertEquals("CT000001", body.get("no").asText());
        assertEquals("CT000001", body.get("companyNo").asText());
        assertEquals("Leeds", body.get("address").get("city").asText());
        assertTrue(body.get("address").get("line2").isNull());
    }

    @Test
    public void listFiltersByTypeCompanyAndSalesperson() {
        api.send("POST", "contacts", CRONUS);
        api.send("POST", "contacts", "{\"type\":\"PERSON\",\"name\":\"Ann\",\"companyNo\":\"CT000001\"}");
        api.send("POST", "contacts", "{\"type\":\"PERSON\",\"name\":\"Bob\",\"salespersonCode\":\"JO\"}");

        assertEquals(2, api.get("contacts?type=person").json().get("total").asInt());
        assertEquals(2, api.get("contacts?companyNo=CT000001").json().get("total").asInt());
        assertEquals(2, api.get("contacts?salespersonCode=JO").json().get("total").asInt());
        JsonNode page = api.get("contacts?q=bob&offset=0&limit=1").json();
        assertEquals(1, page.get("total").asInt());
        assertEquals("Bob", page.get("items").get(0).get("name").asText());
    }

    @Test
    public void aBadEnumFilterIs400ListingTheAllowedValues() {
        JsonNode problem = api.get("contacts?type=FIRM").problem(400, "validation");

        assertEquals("type", problem.get("errors").get(0).get("field").asText());
        assertEquals("must be one of COMPANY, PERSON (got 'FIRM')", problem.get("errors").get(0).get("message").asText());
    }

    @Test
    public void aBadEnumInTheBodyIs400ListingTheAllowedValues() {
        JsonNode problem = api.send("POST", "contacts", "{\"type\":\"FIRM\",\"name\":\"x\"}").problem(400, "validation");

        assertEquals("type", problem.get("errors").get(0).get("field").asText());
        assertTrue(problem.get("detail").asText().contains("COMPANY, PERSON"));
    }

    @Test
    public void aWrongNestedFieldIsNamedByItsPath() {
        JsonNode problem = api.send("POST", "contacts", "{\"type\":\"COMPANY\",\"name\":\"x\",\"address\":{\"city\":5}}")
                .problem(400, "validation");

        assertEquals("address.city", problem.get("errors").get(0).get("field").asText());
    }

    @Test
    public void patchMergesTheAddress() {
        api.send("POST", "contacts", CRONUS);

        Reply reply = api.request("PATCH", "contacts/ct000001").as(InProcessApi.ADMIN).header("If-Match", "\"1\"")
                .body("application/merge-patch+json", "{\"address\":{\"city\":\"York\"},\"phone\":\"123\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        assertEquals("York", reply.json().get("address").get("city").asText());
        assertEquals("1 Main St", reply.json().get("address").get("line1").asText());
        assertEquals("123", reply.json().get("phone").asText());
    }

    @Test
    public void replaceAndStaleReplace() {
        api.send("POST", "contacts", CRONUS);

        Reply replaced = api.request("PUT", "contacts/CT000001").as(InProcessApi.ADMIN)
                .json("{\"type\":\"COMPANY\",\"name\":\"Cronus plc\"}").send();
        assertEquals(replaced.toString(), 200, replaced.status());
        assertEquals("Cronus plc", replaced.json().get("name").asText());

        api.request("PUT", "contacts/CT000001").as(InProcessApi.ADMIN).header("If-Match", "\"1\"")
                .json("{\"type\":\"COMPANY\",\"name\":\"Cronus again\"}").send().problem(412, "precondition-failed");
    }

    @Test
    public void deleteIs204OrTheDomainsConflict() {
        api.send("POST", "contacts", CRONUS);
        api.send("POST", "contacts", "{\"type\":\"PERSON\",\"name\":\"Ann\",\"companyNo\":\"CT000001\"}");

        api.request("DELETE", "contacts/CT000001").as(InProcessApi.ADMIN).send().problem(409, "conflict");
        assertEquals(204, api.request("DELETE", "contacts/CT000002").as(InProcessApi.ADMIN).send().status());
        assertEquals(204, api.request("DELETE", "contacts/CT000001").as(InProcessApi.ADMIN).send().status());
        api.get("contacts/CT000001").problem(404, "not-found");
    }

    @Test
    public void withoutTheServiceItIs503() {
        resource.contacts = null;

        JsonNode problem = api.get("contacts/CT000001").problem(503, "unavailable");

        assertEquals("the contacts module is not available", problem.get("detail").asText());
        api.request("DELETE", "contacts/CT000001").as(InProcessApi.ADMIN).send().problem(503, "unavailable");
        api.send("PATCH", "contacts/CT000001", "{}").problem(503, "unavailable");
    }
}
