package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.opportune.rest.internal.resources.SalesCycleResourceTest.field;
import static org.opportune.rest.internal.resources.SalesCycleResourceTest.fieldNames;
import static org.opportune.rest.internal.resources.SalesCycleResourceTest.fields;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

public class OpportunityResourceTest {
    static final String DEAL = "{\"description\":\"Big deal\",\"contactNo\":\"ct000002\",\"salesCycleCode\":\"std\"}";
    /** DOMAIN §9 step 1: created and activated on 2024-01-10. */
    static final String DEAL_STARTED = """
            {"description": "Big deal", "contactNo": "CT000002", "salesCycleCode": "STD",
             "activate": {"dateOfChange": "2024-01-10", "estimatedValue": 10000, "chancesOfSuccessPercent": 25,
                          "estimatedCloseDate": "2024-03-31"}}""";

    private final FakeOpportunityService service = new FakeOpportunityService();
    private final OpportunitiesResource collection = new OpportunitiesResource();
    private final OpportunityResource resource = new OpportunityResource();
    private InProcessApi api;

    @Before
    public void setUp() {
        collection.opportunities = service;
        resource.opportunities = service;
        api = new InProcessApi(collection, resource);
    }

    @Test
    public void createAnswers201WithLocationETagAndTheOpportunityNotStarted() {
        Reply reply = api.send("POST", "opportunities", DEAL);

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals("http://localhost:8181/api/v1/opportunities/OP000001", reply.header("Location"));
        assertEquals("\"1\"", reply.header("ETag"));
        JsonNode body = reply.json();
        assertEquals(List.of("no", "description", "contactNo", "contactCompanyNo", "salespersonCode", "salesCycleCode",
                "priority", "creationDate", "status", "closed", "dateClosed", "currentStage", "estimatedValue",
                "chancesOfSuccessPercent", "completedPercent", "probabilityPercent", "calculatedCurrentValue",
                "estimatedCloseDate", "closeCode", "salesQuote", "version"), fieldNames(body));
        assertEquals("CT000002", body.get("contactNo").asText());
        assertEquals("the company is derived", "CT000001", body.get("contactCompanyNo").asText());
        assertEquals("JO", body.get("salespersonCode").asText());
        assertEquals("NORMAL", body.get("priority").asText());
        assertEquals("2024-01-10", body.get("creationDate").asText());
        assertEquals("NOT_STARTED", body.get("status").asText());
        assertTrue(body.get("estimatedValue").isNull());
        assertTrue(body.get("currentStage").isNull());
        assertEquals(1, body.get("version").asInt());
    }

    @Test
    public void createWithActivateStartsAtTheFirstStageWithAmountsShownWithTwoDecimals() {
        Reply reply = api.send("POST", "opportunities", DEAL_STARTED);

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals(reply.header("ETag"), "\"" + reply.json().get("version").asLong() + "\"");
        JsonNode body = reply.json();
        assertEquals("IN_PROGRESS", body.get("status").asText());
        assertEquals(1, body.get("currentStage").asInt());
        assertTrue(reply.body(), reply.body().contains("\"estimatedValue\":10000.00,"));
        assertTrue(reply.body(), reply.body().contains("\"calculatedCurrentValue\":250.00,"));
        assertTrue("percentages as they come", reply.body().contains("\"chancesOfSuccessPercent\":25,"
                + "\"completedPercent\":10,\"probabilityPercent\":2.5,"));
        assertEquals("2024-03-31", body.get("estimatedCloseDate").asText());
    }

    @Test
    public void anAmountIsRoundedOnlyWhereItIsShown() {
        api.send("POST", "opportunities", DEAL_STARTED.replace("10000", "1000.01"));

        Reply reply = api.get("opportunities/OP000001");

        assertTrue(reply.body(), reply.body().contains("\"estimatedValue\":1000.01,"));
        assertTrue("1000.01 × 2.5 % = 25.00025", reply.body().contains("\"calculatedCurrentValue\":25.00,"));
        assertEquals(0, service.get("OP000001").calculatedCurrentValue().compareTo(new java.math.BigDecimal(
                "25.00025")));
        assertTrue(api.get("opportunities").body().contains("\"calculatedCurrentValue\":25.00,"));
    }

    @Test
    public void createWithAnIncompleteActivationIs400NamingTheActivateFields() {
        JsonNode problem = api.send("POST", "opportunities", DEAL.replace("}", ",\"activate\":{}}"))
                .problem(400, "validation");

        assertEquals(List.of("activate.estimatedValue", "activate.chancesOfSuccessPercent",
                "activate.estimatedCloseDate"), fields(problem));
        assertEquals(0, service.list(org.opportune.api.opportunity.OpportunityQuery.ALL,
                org.opportune.api.PageRequest.first()).total());
    }

    @Test
    public void createRefusesServerOwnedFieldsAndWrongTypes() {
        assertEquals("status", field(api.send("POST", "opportunities", DEAL.replace("}", ",\"status\":\"WON\"}"))
                .problem(400, "validation"), 0));
        assertEquals("activate.dateOfChange", field(api.send("POST", "opportunities",
                DEAL_STARTED.replace("\"2024-01-10\"", "\"10.01.2024\"")).problem(400, "validation"), 0));
        assertEquals("priority", field(api.send("POST", "opportunities", DEAL.replace("}", ",\"priority\":\"TOP\"}"))
                .problem(400, "validation"), 0));
        assertEquals("contactNo", field(api.send("POST", "opportunities", DEAL.replace("ct000002", "CT999"))
                .problem(400, "validation"), 0));
    }

    @Test
    public void readAnswersTheOpportunityWithETagOr404() {
        JsonNode created = api.send("POST", "opportunities", DEAL_STARTED).json();

        Reply reply = api.get("opportunities/op000001");
        assertEquals(200, reply.status());
        assertEquals("\"" + created.get("version").asLong() + "\"", reply.header("ETag"));
        assertEquals(created, reply.json());
        assertEquals("opportunity OP000404 does not exist",
                api.get("opportunities/OP000404").problem(404, "not-found").get("detail").asText());
    }

    @Test
    public void listFiltersByEveryFilter() {
        service.today = LocalDate.of(2024, 1, 5);
        api.send("POST", "opportunities", DEAL); // OP000001: CT000002 (company CT000001), JO, NORMAL
        service.today = LocalDate.of(2024, 1, 10);
        api.send("POST", "opportunities", DEAL_STARTED.replace("Big deal", "Small deal")); // OP000002 at stage 1
        api.send("POST", "opportunities", "{\"description\":\"Other\",\"contactNo\":\"CT000003\","
                + "\"salespersonCode\":\"AB\",\"salesCycleCode\":\"EMPTY\",\"priority\":\"HIGH\"}"); // OP000003

        assertEquals(List.of("OP000001", "OP000002", "OP000003"), nos(api.get("opportunities")));
        assertEquals(List.of("OP000002"), nos(api.get("opportunities?q=small")));
        assertEquals(List.of("OP000002"), nos(api.get("opportunities?status=in_progress")));
        assertEquals(List.of("OP000001", "OP000002", "OP000003"), nos(api.get("opportunities?closed=false")));
        assertEquals(List.of(), nos(api.get("opportunities?closed=true")));
        assertEquals(List.of("OP000003"), nos(api.get("opportunities?salespersonCode=ab")));
        assertEquals(List.of("OP000003"), nos(api.get("opportunities?contactNo=CT000003")));
        assertEquals(List.of("OP000001", "OP000002"), nos(api.get("opportunities?contactCompanyNo=CT000001")));
        assertEquals(List.of("OP000003"), nos(api.get("opportunities?salesCycleCode=EMPTY")));
        assertEquals(List.of("OP000002"), nos(api.get("opportunities?currentStage=1")));
        assertEquals(List.of("OP000003"), nos(api.get("opportunities?priority=HIGH")));
        assertEquals(List.of("OP000001"), nos(api.get("opportunities?creationDateTo=2024-01-09")));
        assertEquals(List.of("OP000002", "OP000003"), nos(api.get("opportunities?creationDateFrom=2024-01-10")));
        assertEquals(List.of("OP000002"), nos(api.get("opportunities?estimatedCloseDateFrom=2024-03-01"
                + "&estimatedCloseDateTo=2024-03-31")));
        assertEquals(List.of(), nos(api.get("opportunities?estimatedCloseDateTo=2024-03-30")));
        assertEquals(List.of("OP000003", "OP000002", "OP000001"), nos(api.get("opportunities?sort=-no")));
        JsonNode page = api.get("opportunities?salesCycleCode=STD&offset=1&limit=1").json();
        assertEquals(2, page.get("total").asInt());
        assertEquals(1, page.get("offset").asInt());
        assertEquals(1, page.get("limit").asInt());
        assertEquals("OP000002", page.get("items").get(0).get("no").asText());
    }

    @Test
    public void aBadFilterValueIs400NamingTheParameter() {
        assertRefused("status=OPEN", "status", "must be one of NOT_STARTED, IN_PROGRESS, WON, LOST (got 'OPEN')");
        assertRefused("closed=maybe", "closed", "must be true or false (got 'maybe')");
        assertRefused("currentStage=two", "currentStage", "must be a whole number (got 'two')");
        assertRefused("currentStage=-1", "currentStage", "must be 0 (closed) or a stage number (got -1)");
        assertRefused("priority=URGENT", "priority", "must be one of LOW, NORMAL, HIGH (got 'URGENT')");
        assertRefused("creationDateFrom=2024-13-01", "creationDateFrom",
                "must be a date like 2024-01-31 (got '2024-13-01')");
        assertRefused("estimatedCloseDateTo=31.01.2024", "estimatedCloseDateTo",
                "must be a date like 2024-01-31 (got '31.01.2024')");
        assertEquals("stage", field(api.get("opportunities?stage=1").problem(400, "validation"), 0));
        assertEquals("sort", field(api.get("opportunities?sort=colour").problem(400, "validation"), 0));
        assertEquals("limit", field(api.get("opportunities?limit=501").problem(400, "validation"), 0));
    }

    @Test
    public void replaceTakesBackWhatWasReadIncludingRoundedAmounts() {
        api.send("POST", "opportunities", DEAL_STARTED.replace("10000", "1000.01"));
        Reply read = api.get("opportunities/OP000001");
        String etag = read.header("ETag");

        Reply replaced = api.request("PUT", "opportunities/OP000001").as(InProcessApi.ADMIN).header("If-Match", etag)
                .json(read.body().replace("Big deal", "Bigger deal")).send();

        assertEquals(replaced.toString(), 200, replaced.status());
        assertEquals("Bigger deal", replaced.json().get("description").asText());
        assertEquals("\"" + (read.json().get("version").asLong() + 1) + "\"", replaced.header("ETag"));
        assertEquals(0, service.get("OP000001").calculatedCurrentValue().compareTo(new java.math.BigDecimal(
                "25.00025")));
    }

    @Test
    public void replaceRefusesAChangedServerOwnedFieldAndActivate() {
        api.send("POST", "opportunities", DEAL_STARTED);
        String read = api.get("opportunities/OP000001").body();

        JsonNode changed = api.send("PUT", "opportunities/OP000001",
                read.replace("\"calculatedCurrentValue\":250.00", "\"calculatedCurrentValue\":300"))
                .problem(400, "validation");
        assertEquals("calculatedCurrentValue", field(changed, 0));
        assertEquals("is owned by the server (current 250)", changed.get("errors").get(0).get("message").asText());

        JsonNode activate = api.send("PUT", "opportunities/OP000001", DEAL_STARTED).problem(400, "validation");
        assertEquals("activate", field(activate, 0));
        assertEquals("Big deal", service.get("OP000001").description());
    }

    @Test
    public void patchMergesIntoTheCurrentOpportunity() {
        api.send("POST", "opportunities", DEAL_STARTED.replace("10000", "1000.01"));

        Reply reply = api.request("PATCH", "opportunities/OP000001").as(InProcessApi.ADMIN)
                .body("application/merge-patch+json", "{\"priority\":\"HIGH\",\"salespersonCode\":\"ab\"}"
                        .getBytes(StandardCharsets.UTF_8)).send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("HIGH", reply.json().get("priority").asText());
        assertEquals("AB", reply.json().get("salespersonCode").asText());
        assertEquals("Big deal", reply.json().get("description").asText());
        assertEquals("25.00", reply.json().get("calculatedCurrentValue").decimalValue().toPlainString());

        assertEquals("estimatedValue", field(api.send("PATCH", "opportunities/OP000001", "{\"estimatedValue\":5}")
                .problem(400, "validation"), 0));
        assertEquals("salespersonCode", field(api.send("PATCH", "opportunities/OP000001",
                "{\"salespersonCode\":null}").problem(400, "validation"), 0));
        JsonNode conflict = api.send("PATCH", "opportunities/OP000001", "{\"salesCycleCode\":\"EMPTY\"}")
                .problem(409, "conflict");
        assertEquals("salesCycleCode", field(conflict, 0));
    }

    @Test
    public void aStaleIfMatchIs412AndChangesNothing() {
        api.send("POST", "opportunities", DEAL);

        api.request("PUT", "opportunities/OP000001").as(InProcessApi.ADMIN).header("If-Match", "\"7\"")
                .json(DEAL.replace("Big deal", "Other")).send().problem(412, "precondition-failed");
        api.request("PATCH", "opportunities/OP000001").as(InProcessApi.ADMIN).header("If-Match", "\"7\"")
                .json("{\"description\":\"Other\"}").send().problem(412, "precondition-failed");
        api.request("DELETE", "opportunities/OP000001").as(InProcessApi.ADMIN).header("If-Match", "\"7\"").send()
                .problem(412, "precondition-failed");

        assertEquals("Big deal", service.get("OP000001").description());
        assertEquals(1L, service.get("OP000001").version().longValue());
    }

    @Test
    public void deleteAnswers204ForANotStartedOneAnd409ForOneInProgress() {
        api.send("POST", "opportunities", DEAL);
        api.send("POST", "opportunities", DEAL_STARTED);

        assertEquals(204, api.request("DELETE", "opportunities/OP000001").as(InProcessApi.ADMIN)
                .header("If-Match", "\"1\"").send().status());
        api.get("opportunities/OP000001").problem(404, "not-found");
        JsonNode problem = api.request("DELETE", "opportunities/OP000002").as(InProcessApi.ADMIN).send()
                .problem(409, "conflict");
        assertTrue(problem.get("detail").asText().contains("is in progress"));
    }

    @Test
    public void withoutTheOpportunitiesModuleEveryEndpointIs503AndRecoversWhenItReturns() {
        collection.opportunities = null;
        resource.opportunities = null;

        JsonNode problem = api.get("opportunities").problem(503, "unavailable");
        assertEquals("the opportunities module is not available", problem.get("detail").asText());
        api.send("POST", "opportunities", DEAL).problem(503, "unavailable");
        api.get("opportunities/OP000001").problem(503, "unavailable");
        api.send("PUT", "opportunities/OP000001", DEAL).problem(503, "unavailable");
        api.send("PATCH", "opportunities/OP000001", "{}").problem(503, "unavailable");
        api.request("DELETE", "opportunities/OP000001").as(InProcessApi.ADMIN).send().problem(503, "unavailable");

        collection.opportunities = service;
        resource.opportunities = service;
        assertEquals(200, api.get("opportunities").status());
    }

    private void assertRefused(String query, String parameter, String message) {
        JsonNode problem = api.get("opportunities?" + query).problem(400, "validation");
        assertEquals(parameter, field(problem, 0));
        assertEquals(message, problem.get("errors").get(0).get("message").asText());
    }

    static List<String> nos(Reply list) {
        if (list.status() != 200) {
            throw new AssertionError(list.toString());
        }
        List<String> nos = new ArrayList<>();
        list.json().get("items").forEach(item -> nos.add(item.get("no").asText()));
        return nos;
    }
}
