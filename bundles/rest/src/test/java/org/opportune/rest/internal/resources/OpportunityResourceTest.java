package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
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
import static org.opportune.rest.internal.resources.JsonAsserts.fields;
import static org.opportune.rest.internal.resources.JsonAsserts.message;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.opportune.api.opportunity.NewOpportunity;
import org.opportune.api.opportunity.OpportunityChange;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

/** {@code /opportunities} and {@code /opportunities/{no}} over HTTP, against canned answers of the service. */
public class OpportunityResourceTest {
    static final String DEAL = "{\"description\":\"Big deal\",\"contactNo\":\"ct000002\",\"salesCycleCode\":\"std\"}";
    /** DOMAIN §9 step 1: created and activated on 2024-01-10. */
    static final String DEAL_STARTED = """
            {"description": "Big deal", "contactNo": "CT000002", "salesCycleCode": "STD",
             "activate": {"dateOfChange": "2024-01-10", "estimatedValue": 10000, "chancesOfSuccessPercent": 25,
                          "estimatedCloseDate": "2024-03-31"}}""";

    private final OpportunityService service = mock(OpportunityService.class);
    private final OpportunitiesResource collection = new OpportunitiesResource();
    private final OpportunityResource resource = new OpportunityResource();
    private final ArgumentCaptor<OpportunityChange> change = ArgumentCaptor.forClass(OpportunityChange.class);
    private InProcessApi api;

    @Before
    public void setUp() {
        collection.opportunities = service;
        resource.opportunities = service;
        api = new InProcessApi(collection, resource);
        doThrow(new NotFoundException("opportunity", "OP000404")).when(service).get(anyString());
        doReturn(Views.bigDeal(1)).when(service).get("OP000001");
    }

    @Test
    public void createPassesTheNewOpportunityAndAnswers201WithLocationETagAndTheOpportunity() {
        when(service.create(any())).thenReturn(Views.notStarted(1));

        Reply reply = api.send("POST", "opportunities", DEAL.replace("}", ",\"priority\":\"HIGH\"}"));

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals("http://localhost:8181/api/v1/opportunities/OP000001", reply.header("Location"));
        assertEquals("\"1\"", reply.header("ETag"));
        JsonNode body = reply.json();
        assertEquals(List.of("no", "description", "contactNo", "contactCompanyNo", "salespersonCode", "salesCycleCode",
                "priority", "creationDate", "status", "closed", "dateClosed", "currentStage", "estimatedValue",
                "chancesOfSuccessPercent", "completedPercent", "probabilityPercent", "calculatedCurrentValue",
                "estimatedCloseDate", "closeCode", "salesQuote", "daysIdle", "version", "changedBy", "changedAt"),
                fieldNames(body));
        assertTrue("not started: not idle", body.get("daysIdle").isNull());
        assertEquals("NOT_STARTED", body.get("status").asText());
        assertTrue(body.get("estimatedValue").isNull());
        assertEquals("2024-01-10T09:30:00Z", body.get("changedAt").asText());
        ArgumentCaptor<NewOpportunity> created = ArgumentCaptor.forClass(NewOpportunity.class);
        verify(service).create(created.capture());
        NewOpportunity given = created.getValue();
        assertNull(given.no());
        assertEquals("Big deal", given.description());
        assertEquals("ct000002", given.contactNo());
        assertNull("the contact's salesperson, decided by the service", given.salespersonCode());
        assertEquals("std", given.salesCycleCode());
        assertEquals(OpportunityPriority.HIGH, given.priority());
        assertNull(given.activation());
    }

    @Test
    public void createWithActivatePassesTheActivationAndShowsAmountsWithTwoDecimals() {
        when(service.create(any())).thenReturn(Views.bigDeal(2));

        Reply reply = api.send("POST", "opportunities", DEAL_STARTED);

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        assertTrue(reply.body(), reply.body().contains("\"estimatedValue\":10000.00,"));
        assertTrue(reply.body(), reply.body().contains("\"calculatedCurrentValue\":250.00,"));
        assertTrue("percentages as they come", reply.body().contains("\"chancesOfSuccessPercent\":25,"
                + "\"completedPercent\":10,\"probabilityPercent\":2.5,"));
        ArgumentCaptor<NewOpportunity> created = ArgumentCaptor.forClass(NewOpportunity.class);
        verify(service).create(created.capture());
        assertEquals(LocalDate.of(2024, 1, 10), created.getValue().activation().dateOfChange());
        assertEquals(new BigDecimal("10000"), created.getValue().activation().estimatedValue());
        assertEquals(new BigDecimal("25"), created.getValue().activation().chancesOfSuccessPercent());
        assertEquals(LocalDate.of(2024, 3, 31), created.getValue().activation().estimatedCloseDate());
        assertEquals(5, reply.json().get("daysIdle").asInt());
    }

    @Test
    public void createWithActivateTakesCancelOpenTasksOfWhichANewOpportunityHasNone() {
        when(service.create(any())).thenReturn(Views.bigDeal(2));

        assertEquals(201, api.send("POST", "opportunities", DEAL_STARTED.replace("\"2024-03-31\"",
                "\"2024-03-31\", \"cancelOpenTasks\": true")).status());
        assertEquals(201, api.send("POST", "opportunities", DEAL_STARTED.replace("\"2024-03-31\"",
                "\"2024-03-31\", \"cancelOpenTasks\": false")).status());
        assertEquals("activate.cancelOpenTasks", field(api.send("POST", "opportunities", DEAL_STARTED.replace(
                "\"2024-03-31\"", "\"2024-03-31\", \"cancelOpenTasks\": \"yes\"")).problem(400, "validation"), 0));
    }

    @Test
    public void anAmountIsRoundedOnlyWhereItIsShown() {
        doReturn(exact()).when(service).get("OP000001");
        when(service.list(any(), any())).thenReturn(Views.page(List.of(exact())));

        Reply reply = api.get("opportunities/OP000001");

        assertTrue(reply.body(), reply.body().contains("\"estimatedValue\":1000.01,"));
        assertTrue("1000.01 × 2.5 % = 25.00025", reply.body().contains("\"calculatedCurrentValue\":25.00,"));
        assertTrue(reply.body(), reply.body().contains("\"salesQuote\":{\"no\":\"SQ1\",\"amount\":0.01}"));
        assertTrue(api.get("opportunities").body().contains("\"calculatedCurrentValue\":25.00,"));
    }

    @Test
    public void theServicesFieldErrorsAreNamedAsItNamesThem() {
        when(service.create(any())).thenThrow(new ValidationException(List.of(
                new FieldError("activate.estimatedValue", "is required"),
                new FieldError("activate.chancesOfSuccessPercent", "is required"))));

        JsonNode problem = api.send("POST", "opportunities", DEAL.replace("}", ",\"activate\":{}}"))
                .problem(400, "validation");

        assertEquals(List.of("activate.estimatedValue", "activate.chancesOfSuccessPercent"), fields(problem));
    }

    @Test
    public void createRefusesServerOwnedFieldsAndWrongTypesAndAsksNoService() {
        JsonNode owned = api.send("POST", "opportunities", DEAL.replace("}",
                ",\"status\":\"WON\",\"closed\":false,\"estimatedValue\":5,\"version\":1,\"contactCompanyNo\":\"X\"}"))
                .problem(400, "validation");
        assertEquals(List.of("contactCompanyNo", "status", "estimatedValue", "version"), fields(owned));
        assertEquals("is owned by the server and cannot be set", message(owned, 1));
        assertEquals("is owned by the server and cannot be set; give it with activate", message(owned, 2));
        assertEquals("is set by the server", message(owned, 3));
        assertEquals("activate.dateOfChange", field(api.send("POST", "opportunities",
                DEAL_STARTED.replace("\"2024-01-10\"", "\"10.01.2024\"")).problem(400, "validation"), 0));
        assertEquals("priority", field(api.send("POST", "opportunities", DEAL.replace("}", ",\"priority\":\"TOP\"}"))
                .problem(400, "validation"), 0));
        verify(service, never()).create(any());
    }

    @Test
    public void readAnswersTheOpportunityWithETagOr404() {
        Reply reply = api.get("opportunities/OP000001");

        assertEquals(200, reply.status());
        assertEquals("\"1\"", reply.header("ETag"));
        assertEquals("IN_PROGRESS", reply.json().get("status").asText());
        assertEquals("opportunity OP000404 does not exist",
                api.get("opportunities/OP000404").problem(404, "not-found").get("detail").asText());
    }

    @Test
    public void listPassesEveryFilterAndThePaging() {
        when(service.list(any(), any())).thenReturn(new Page<>(List.of(Views.bigDeal(1)), 2, 1, 1));

        JsonNode page = api.get("opportunities?q=big&status=in_progress&closed=false&salespersonCode=jo"
                + "&contactNo=CT000002&contactCompanyNo=CT000001&salesCycleCode=STD&currentStage=1&priority=normal"
                + "&creationDateFrom=2024-01-01&creationDateTo=2024-01-31&estimatedCloseDateFrom=2024-03-01"
                + "&estimatedCloseDateTo=2024-03-31&stale=true&offset=1&limit=1&sort=-no").json();

        assertEquals(2, page.get("total").asInt());
        assertEquals(1, page.get("offset").asInt());
        assertEquals("OP000001", page.get("items").get(0).get("no").asText());
        verify(service).list(OpportunityQuery.all().withText("big").withStatus(OpportunityStatus.IN_PROGRESS)
                .withClosed(false).withSalespersonCode("jo").withContactNo("CT000002")
                .withContactCompanyNo("CT000001").withSalesCycleCode("STD").withCurrentStage(1)
                .withPriority(OpportunityPriority.NORMAL)
                .withCreationDates(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31))
                .withEstimatedCloseDates(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)).withStale(true),
                new PageRequest(1, 1, List.of(new SortKey("no", true))));
        assertEquals(5, page.get("items").get(0).get("daysIdle").asInt());
        api.get("opportunities?stale=FALSE");
        verify(service).list(OpportunityQuery.all().withStale(false), PageRequest.first());
    }

    @Test
    public void aBadFilterValueIs400NamingTheParameter() {
        assertRefused("status=OPEN", "status", "must be one of NOT_STARTED, IN_PROGRESS, WON, LOST (got 'OPEN')");
        assertRefused("closed=maybe", "closed", "must be true or false (got 'maybe')");
        assertRefused("stale=yes", "stale", "must be true or false (got 'yes')");
        assertRefused("currentStage=two", "currentStage", "must be a whole number (got 'two')");
        assertRefused("currentStage=-1", "currentStage", "must be 0 (closed) or a stage number (got -1)");
        assertRefused("priority=URGENT", "priority", "must be one of LOW, NORMAL, HIGH (got 'URGENT')");
        assertRefused("creationDateFrom=2024-13-01", "creationDateFrom",
                "must be a date like 2024-01-31 (got '2024-13-01')");
        assertRefused("estimatedCloseDateTo=31.01.2024", "estimatedCloseDateTo",
                "must be a date like 2024-01-31 (got '31.01.2024')");
        assertEquals("stage", field(api.get("opportunities?stage=1").problem(400, "validation"), 0));
        assertEquals("limit", field(api.get("opportunities?limit=501").problem(400, "validation"), 0));
        verify(service, never()).list(any(), any());
    }

    @Test
    public void replaceTakesBackWhatWasReadIncludingRoundedAmountsAndPassesTheEditableFields() {
        doReturn(exact()).when(service).get("OP000001");
        when(service.update(eq("OP000001"), any(), eq(2L))).thenReturn(exact());
        Reply read = api.get("opportunities/OP000001");

        Reply replaced = api.request("PUT", "opportunities/OP000001").as(InProcessApi.ADMIN)
                .header("If-Match", read.header("ETag")).json(read.body().replace("Big deal", "Bigger deal")
                        .replace("\"NORMAL\"", "\"HIGH\"")).send();

        assertEquals(replaced.toString(), 200, replaced.status());
        verify(service).update(eq("OP000001"), change.capture(), eq(2L));
        OpportunityChange given = change.getValue();
        assertEquals("Bigger deal", given.description());
        assertEquals("CT000002", given.contactNo());
        assertEquals("JO", given.salespersonCode());
        assertEquals("STD", given.salesCycleCode());
        assertEquals(OpportunityPriority.HIGH, given.priority());
    }

    @Test
    public void replaceRefusesAChangedServerOwnedFieldAndActivate() {
        String read = api.get("opportunities/OP000001").body();

        JsonNode changed = api.send("PUT", "opportunities/OP000001",
                read.replace("\"calculatedCurrentValue\":250.00", "\"calculatedCurrentValue\":300")
                        .replace("\"status\":\"IN_PROGRESS\"", "\"status\":\"WON\"")).problem(400, "validation");
        assertEquals(List.of("status", "calculatedCurrentValue"), fields(changed));
        assertEquals("is owned by the server (current IN_PROGRESS)", message(changed, 0));
        assertEquals("is owned by the server (current 250)", message(changed, 1));
        JsonNode idle = api.send("PUT", "opportunities/OP000001", read.replace("\"daysIdle\":5", "\"daysIdle\":0"))
                .problem(400, "validation");
        assertEquals("daysIdle", field(idle, 0));
        assertEquals("is owned by the server (current 5)", message(idle, 0));
        assertEquals("daysIdle", field(api.send("POST", "opportunities", DEAL.replace("}", ",\"daysIdle\":0}"))
                .problem(400, "validation"), 0));

        JsonNode activate = api.send("PUT", "opportunities/OP000001", DEAL_STARTED).problem(400, "validation");
        assertEquals("activate", field(activate, 0));
        JsonNode quote = api.send("PUT", "opportunities/OP000001", DEAL.replace("}",
                ",\"salesQuote\":{\"no\":\"SQ9\",\"amount\":1}}")).problem(400, "validation");
        assertEquals("is changed only through the sales quote operations (current none)", message(quote, 0));
        assertEquals("contactCompanyNo", field(api.send("PUT", "opportunities/OP000001",
                DEAL.replace("}", ",\"contactCompanyNo\":\"CT000009\"}")).problem(400, "validation"), 0));
        verify(service, never()).update(anyString(), any(), any());
    }

    @Test
    public void aQuoteReadCanBeSentBack() {
        Views.OpportunityView quoted = Views.bigDeal(2).withQuote(new SalesQuote("SQ1002", new BigDecimal("9500.5")));
        doReturn(quoted).when(service).get("OP000001");
        when(service.update(eq("OP000001"), any(), eq(2L))).thenReturn(quoted);
        String read = api.get("opportunities/OP000001").body();
        assertTrue(read, read.contains("\"salesQuote\":{\"no\":\"SQ1002\",\"amount\":9500.50}"));

        assertEquals(200, api.send("PUT", "opportunities/OP000001", read.replace("SQ1002", "sq1002")).status());
    }

    @Test
    public void patchMergesIntoTheCurrentOpportunity() {
        doReturn(exact()).when(service).get("OP000001");
        when(service.update(eq("OP000001"), any(), eq(2L))).thenReturn(exact());

        Reply reply = api.request("PATCH", "opportunities/OP000001").as(InProcessApi.ADMIN)
                .body("application/merge-patch+json", "{\"priority\":\"HIGH\",\"salespersonCode\":\"ab\"}"
                        .getBytes(StandardCharsets.UTF_8)).send();

        assertEquals(reply.toString(), 200, reply.status());
        verify(service).update(eq("OP000001"), change.capture(), eq(2L));
        assertEquals(OpportunityPriority.HIGH, change.getValue().priority());
        assertEquals("ab", change.getValue().salespersonCode());
        assertEquals("Big deal", change.getValue().description());

        assertEquals("estimatedValue", field(api.send("PATCH", "opportunities/OP000001", "{\"estimatedValue\":5}")
                .problem(400, "validation"), 0));
    }

    @Test
    public void theServicesRefusalsOfAChangeAreTranslated() {
        when(service.update(eq("OP000001"), any(), any())).thenAnswer(call -> {
            OpportunityChange given = call.getArgument(1);
            if (given.salespersonCode() == null) {
                throw new ValidationException("salespersonCode", "is required: the salesperson can never be cleared");
            }
            throw new ConflictException("the cycle cannot change", List.of(new FieldError("salesCycleCode",
                    "can change only while the opportunity is not started (it is IN_PROGRESS)")));
        });

        assertEquals("salespersonCode", field(api.send("PATCH", "opportunities/OP000001",
                "{\"salespersonCode\":null}").problem(400, "validation"), 0));
        assertEquals("salesCycleCode", field(api.send("PATCH", "opportunities/OP000001",
                "{\"salesCycleCode\":\"EMPTY\"}").problem(409, "conflict"), 0));
    }

    @Test
    public void aStaleIfMatchIs412AndChangesNothing() {
        doThrow(new StaleVersionException("opportunity", "OP000001", 1)).when(service).delete("OP000001", 7L);

        api.request("PUT", "opportunities/OP000001").as(InProcessApi.ADMIN).header("If-Match", "\"7\"")
                .json(DEAL.replace("Big deal", "Other")).send().problem(412, "precondition-failed");
        api.request("PATCH", "opportunities/OP000001").as(InProcessApi.ADMIN).header("If-Match", "\"7\"")
                .json("{\"description\":\"Other\"}").send().problem(412, "precondition-failed");
        api.request("DELETE", "opportunities/OP000001").as(InProcessApi.ADMIN).header("If-Match", "\"7\"").send()
                .problem(412, "precondition-failed");

        verify(service, never()).update(anyString(), any(), any());
    }

    @Test
    public void deleteAnswers204OrTheDomainsConflict() {
        doThrow(new ConflictException("opportunity OP000002 is in progress and cannot be deleted")).when(service)
                .delete("OP000002", null);

        assertEquals(204, api.request("DELETE", "opportunities/OP000001").as(InProcessApi.ADMIN)
                .header("If-Match", "\"1\"").send().status());
        verify(service).delete("OP000001", 1L);
        JsonNode problem = api.request("DELETE", "opportunities/OP000002").as(InProcessApi.ADMIN).send()
                .problem(409, "conflict");
        assertTrue(problem.get("detail").asText().contains("is in progress"));
    }

    @Test
    public void replaceWithoutAnyVersionExpectsNone() {
        when(service.update(eq("OP000001"), any(), isNull())).thenReturn(Views.bigDeal(2));

        assertEquals(200, api.send("PUT", "opportunities/OP000001", DEAL).status());
    }

    @Test
    public void withoutTheOpportunitiesModuleEveryEndpointIs503AndRecoversWhenItReturns() {
        collection.opportunities = null;
        resource.opportunities = null;

        assertEquals("the opportunities module is not available",
                api.get("opportunities").problem(503, "unavailable").get("detail").asText());
        api.send("POST", "opportunities", DEAL).problem(503, "unavailable");
        api.get("opportunities/OP000001").problem(503, "unavailable");
        api.send("PUT", "opportunities/OP000001", DEAL).problem(503, "unavailable");
        api.send("PATCH", "opportunities/OP000001", "{}").problem(503, "unavailable");
        api.request("DELETE", "opportunities/OP000001").as(InProcessApi.ADMIN).send().problem(503, "unavailable");

        resource.opportunities = service;
        assertEquals(200, api.get("opportunities/OP000001").status());
    }

    /** OP000001 at EV 1000.01: its CCV 25.00025 is shown as 25.00; a quote of 0.005 as 0.01. */
    private static Views.OpportunityView exact() {
        Views.OpportunityView deal = Views.bigDeal(2);
        return new Views.OpportunityView(deal.no(), deal.description(), deal.contactNo(), deal.contactCompanyNo(),
                deal.salespersonCode(), deal.salesCycleCode(), deal.priority(), deal.creationDate(), deal.status(),
                false, null, 1, new BigDecimal("1000.01"), new BigDecimal("25"), BigDecimal.TEN,
                new BigDecimal("2.5"), new BigDecimal("25.00025"), deal.estimatedCloseDate(), null,
                new SalesQuote("SQ1", new BigDecimal("0.005")), 5, 2, "admin", Views.CHANGED_AT);
    }

    private void assertRefused(String query, String parameter, String text) {
        JsonNode problem = api.get("opportunities?" + query).problem(400, "validation");
        assertEquals(parameter, field(problem, 0));
        assertEquals(text, message(problem, 0));
    }
}
