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
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.opportune.rest.internal.resources.JsonAsserts.field;
import static org.opportune.rest.internal.resources.JsonAsserts.fieldNames;
import static org.opportune.rest.internal.resources.JsonAsserts.message;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.mockito.ArgumentCaptor;
import org.opportune.api.ConflictException;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.contact.Address;
import org.opportune.api.contact.ContactQuery;
import org.opportune.api.contact.ContactService;
import org.opportune.api.contact.ContactType;
import org.opportune.api.contact.ContactValues;
import org.opportune.api.statistics.ContactStatistics;
import org.opportune.api.statistics.Figures;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.rest.internal.resources.InProcessApi.Reply;

/** {@code /contacts} over HTTP, against canned answers of the service. */
public class ContactResourceTest {
    private static final String CRONUS = "{\"type\":\"COMPANY\",\"name\":\"Cronus Ltd\",\"salespersonCode\":\"JO\","
            + "\"address\":{\"line1\":\"1 Main St\",\"city\":\"Leeds\",\"countryCode\":\"GB\"}}";

    private final ContactService service = mock(ContactService.class);
    private final ContactResource resource = new ContactResource();
    private final ArgumentCaptor<ContactValues> values = ArgumentCaptor.forClass(ContactValues.class);
    private InProcessApi api;

    @Before
    public void setUp() {
        resource.contacts = service;
        api = new InProcessApi(resource);
        doThrow(new NotFoundException("contact", "CT000404")).when(service).get(anyString());
        doReturn(Views.cronus(1)).when(service).get("CT000001");
        doReturn(Views.cronus(1)).when(service).get("ct000001");
    }

    @Test
    public void createWithoutANumberTakesTheSeriesAndAnswersItsLocation() {
        when(service.create(any(ContactValues.class))).thenReturn(Views.cronus(1));

        Reply reply = api.send("POST", "contacts", CRONUS);

        assertEquals(reply.toString(), 201, reply.status());
        assertEquals("http://localhost:8181/api/v1/contacts/CT000001", reply.header("Location"));
        assertEquals("\"1\"", reply.header("ETag"));
        JsonNode body = reply.json();
        assertEquals(List.of("no", "type", "name", "companyNo", "companyName", "salespersonCode", "email", "phone",
                "mobilePhone", "jobTitle", "address", "version", "changedBy", "changedAt"), fieldNames(body));
        assertEquals("{\"line1\":\"1 Main St\",\"line2\":null,\"city\":\"Leeds\",\"postCode\":null,\"county\":null,"
                + "\"countryCode\":\"GB\"}", body.get("address").toString());
        assertEquals("admin", body.get("changedBy").asText());
        verify(service).create(values.capture());
        assertEquals(ContactType.COMPANY, values.getValue().type());
        assertEquals("Cronus Ltd", values.getValue().name());
        assertEquals("JO", values.getValue().salespersonCode());
        assertEquals(Address.builder().line1("1 Main St").city("Leeds").countryCode("GB").build(),
                values.getValue().address());
    }

    @Test
    public void createWithANumberAsksForIt() {
        when(service.create(eq("ct9"), any())).thenReturn(Views.cronus(1));

        assertEquals(201, api.send("POST", "contacts", CRONUS.replaceFirst("\\{", "{\"no\":\"ct9\",")).status());
        verify(service).create(eq("ct9"), any());
        verify(service, never()).create(any(ContactValues.class));
    }

    @Test
    public void theCompanyNameMayBeGivenAsItWillBeAndNothingElse() {
        when(service.create(any(ContactValues.class))).thenReturn(Views.cronus(1));
        when(service.find("CT000001")).thenReturn(Optional.of(Views.cronus(1)));

        assertEquals("a company's own name", 201, api.send("POST", "contacts",
                CRONUS.replace("}}", "},\"companyName\":\"Cronus Ltd\"}")).status());
        String ann = "{\"type\":\"PERSON\",\"name\":\"Ann\",\"companyNo\":\"CT000001\",\"companyName\":\"%s\"}";
        assertEquals("a person's company's name", 201, api.send("POST", "contacts", ann.formatted("Cronus Ltd"))
                .status());
        JsonNode problem = api.send("POST", "contacts", ann.formatted("Other Ltd")).problem(400, "validation");
        assertEquals("companyName", field(problem, 0));
        assertEquals("is derived from the company contact (Cronus Ltd) and cannot be set", message(problem, 0));
        assertEquals("is derived from the company contact (none) and cannot be set", message(api.send("POST",
                "contacts", "{\"type\":\"PERSON\",\"name\":\"Bob\",\"companyName\":\"X\"}").problem(400,
                        "validation"), 0));
        verify(service, times(2)).create(any(ContactValues.class));
    }

    @Test
    public void listPassesEveryFilterAndThePaging() {
        when(service.list(any(), any())).thenReturn(new Page<>(List.of(Views.cronus(1)), 2, 1, 1));

        JsonNode page = api.get("contacts?q=cro&type=company&companyNo=CT000001&salespersonCode=JO&offset=1&limit=1")
                .json();

        assertEquals(2, page.get("total").asInt());
        assertEquals(1, page.get("offset").asInt());
        assertEquals("Cronus Ltd", page.get("items").get(0).get("name").asText());
        verify(service).list(ContactQuery.all().withText("cro").withType(ContactType.COMPANY)
                .withCompanyNo("CT000001").withSalespersonCode("JO"), new PageRequest(1, 1, List.of()));
    }

    @Test
    public void aBadEnumFilterOrBodyIs400ListingTheAllowedValues() {
        JsonNode filter = api.get("contacts?type=FIRM").problem(400, "validation");
        assertEquals("type", field(filter, 0));
        assertEquals("must be one of COMPANY, PERSON (got 'FIRM')", message(filter, 0));

        JsonNode body = api.send("POST", "contacts", "{\"type\":\"FIRM\",\"name\":\"x\"}").problem(400, "validation");
        assertEquals("type", field(body, 0));
        assertTrue(body.get("detail").asText().contains("COMPANY, PERSON"));
    }

    @Test
    public void aWrongNestedFieldIsNamedByItsPath() {
        JsonNode problem = api.send("POST", "contacts",
                "{\"type\":\"COMPANY\",\"name\":\"x\",\"address\":{\"city\":5}}").problem(400, "validation");

        assertEquals("address.city", field(problem, 0));
    }

    @Test
    public void patchMergesTheAddress() {
        when(service.update(eq("ct000001"), any(), eq(1L))).thenReturn(Views.cronus(2));

        Reply reply = api.request("PATCH", "contacts/ct000001").as(InProcessApi.ADMIN).header("If-Match", "\"1\"")
                .body("application/merge-patch+json", "{\"address\":{\"city\":\"York\"},\"phone\":\"123\"}"
                        .getBytes(StandardCharsets.UTF_8)).send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals("\"2\"", reply.header("ETag"));
        verify(service).update(eq("ct000001"), values.capture(), eq(1L));
        assertEquals(Address.builder().line1("1 Main St").city("York").countryCode("GB").build(),
                values.getValue().address());
        assertEquals("123", values.getValue().phone());
        assertEquals("Cronus Ltd", values.getValue().name());
    }

    @Test
    public void replaceSendsEveryFieldAndAStaleIfMatchIs412() {
        when(service.update(eq("CT000001"), any(), isNull())).thenReturn(Views.cronus(2));

        Reply replaced = api.request("PUT", "contacts/CT000001").as(InProcessApi.ADMIN)
                .json("{\"type\":\"COMPANY\",\"name\":\"Cronus plc\"}").send();
        assertEquals(replaced.toString(), 200, replaced.status());
        verify(service).update(eq("CT000001"), values.capture(), isNull());
        assertEquals("Cronus plc", values.getValue().name());
        assertNull("no address given, none kept", values.getValue().address());

        api.request("PUT", "contacts/CT000001").as(InProcessApi.ADMIN).header("If-Match", "\"0\"")
                .json("{\"type\":\"COMPANY\",\"name\":\"Cronus again\"}").send().problem(412, "precondition-failed");
    }

    @Test
    public void replaceTakesBackWhatWasReadButNotAnotherNumberOrCompanyName() {
        when(service.update(eq("CT000001"), any(), eq(1L))).thenReturn(Views.cronus(2));
        String read = api.get("contacts/CT000001").body();

        assertEquals(200, api.send("PUT", "contacts/CT000001", read.replace("\"JO\"", "\"AB\"")).status());
        verify(service).update(eq("CT000001"), values.capture(), eq(1L));
        assertEquals("AB", values.getValue().salespersonCode());

        JsonNode problem = api.send("PUT", "contacts/CT000001", read.replace("\"no\":\"CT000001\"", "\"no\":\"CT2\"")
                .replace("\"companyName\":\"Cronus Ltd\"", "\"companyName\":\"Other\"")).problem(400, "validation");
        assertEquals(List.of("no", "companyName"), JsonAsserts.fields(problem));
        assertEquals("is the key and cannot be changed (path says CT000001)", message(problem, 0));
    }

    @Test
    public void deleteIs204OrTheDomainsConflict() {
        doThrow(new ConflictException("company CT000001 cannot be deleted: persons still belong to it"))
                .when(service).delete("CT000001", null);

        api.request("DELETE", "contacts/CT000001").as(InProcessApi.ADMIN).send().problem(409, "conflict");
        assertEquals(204, api.request("DELETE", "contacts/CT000002").as(InProcessApi.ADMIN).header("If-Match", "\"3\"")
                .send().status());
        verify(service).delete("CT000002", 3L);
        api.get("contacts/CT000404").problem(404, "not-found");
    }

    @Test
    public void statisticsIncludeThePersonsFigures() {
        OpportunityStatisticsService statistics = mock(OpportunityStatisticsService.class);
        resource.statistics = statistics;
        when(statistics.contact("CT000001")).thenReturn(new ContactStatistics("CT000001", true,
                new Figures(3, new BigDecimal("30000.00"), new BigDecimal("3000.00"))));

        assertEquals("{\"contactNo\":\"CT000001\",\"includesPersons\":true,\"figures\":{\"count\":3,"
                + "\"estimatedValue\":30000.00,\"calculatedCurrentValue\":3000.00}}",
                api.get("contacts/CT000001/statistics").body());
    }

    @Test
    public void withoutTheServiceItIs503() {
        resource.contacts = null;

        assertEquals("the contacts module is not available",
                api.get("contacts/CT000001").problem(503, "unavailable").get("detail").asText());
        api.request("DELETE", "contacts/CT000001").as(InProcessApi.ADMIN).send().problem(503, "unavailable");
        api.send("PATCH", "contacts/CT000001", "{}").problem(503, "unavailable");
        api.send("POST", "contacts", CRONUS).problem(503, "unavailable");
        assertEquals("the statistics come from the opportunities module",
                "the opportunities module, which computes statistics, is not available",
                api.get("contacts/CT000001/statistics").problem(503, "unavailable").get("detail").asText());
    }
}
