package org.opportune.rest.internal.resources;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.opportune.api.AccessDeniedException;
import org.opportune.api.FieldError;
import org.opportune.api.PageRequest;
import org.opportune.api.RestWhiteboard;
import org.opportune.api.contact.ContactService;
import org.opportune.api.contact.ContactValues;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.rest.internal.resources.InProcessApi.Reply;
import org.opportune.rest.internal.security.AccessPolicy;
import org.opportune.rest.internal.security.DeclaredRoles;
import org.opportune.rest.internal.security.ResourceAccess;

/** Who may call what, over HTTP: the policy table enforced after matching, 401 before 403. */
public class AuthorizationTest {
    private static final String CRONUS = "{\"type\":\"COMPANY\",\"name\":\"Cronus Ltd\",\"salespersonCode\":\"JO\"}";

    private final SalespersonService salespeople = mock(SalespersonService.class);
    private final ContactService contacts = mock(ContactService.class);
    private InProcessApi api;

    @Before
    public void setUp() {
        SalespersonResource salespersonResource = new SalespersonResource();
        salespersonResource.salespeople = salespeople;
        ContactResource contactResource = new ContactResource();
        contactResource.contacts = contacts;
        api = new InProcessApi(salespersonResource, contactResource, new MeResource(),
                new HealthResource(Map::of));
        when(salespeople.list(any(SalespersonQuery.class), any(PageRequest.class)))
                .thenReturn(Views.page(List.of(Views.jo())));
        doReturn(Views.cronus(1)).when(contacts).get(anyString());
        when(contacts.create(any(ContactValues.class))).thenReturn(Views.cronus(1));
    }

    @Test
    public void everyRoleReadsTheSetup() {
        for (String user : List.of(InProcessApi.ADMIN, InProcessApi.MANAGER, InProcessApi.SALESPERSON,
                InProcessApi.VIEWER)) {
            assertEquals(user, 200, api.request("GET", "salespeople").as(user).send().status());
            assertEquals(user, 200, api.request("HEAD", "salespeople").as(user).send().status());
        }
    }

    @Test
    public void onlyTheAdministratorChangesTheSetupAndThe403NamesTheRole() {
        Reply reply = api.request("POST", "salespeople").as(InProcessApi.MANAGER)
                .json("{\"code\":\"AL\",\"name\":\"Al\"}").send();

        JsonNode problem = reply.problem(403, "forbidden");
        assertEquals("user manager may not POST /salespeople; it needs the role opportune-admin",
                problem.get("detail").asText());
        assertEquals("/api/v1/salespeople", problem.get("instance").asText());
        verify(salespeople, never()).create(anyString(), any());
    }

    @Test
    public void theRolesAreCheckedBeforeTheBodyIsRead() {
        api.request("PUT", "salespeople/JO").as(InProcessApi.VIEWER).json("{not json").send()
                .problem(403, "forbidden");
    }

    @Test
    public void optionsSaysWhatIsAllowedToEveryRole() {
        Reply reply = api.request("OPTIONS", "salespeople/JO").as(InProcessApi.VIEWER).send();

        assertEquals(reply.toString(), 200, reply.status());
        assertEquals(true, reply.header("Allow").contains("DELETE"));
        api.request("OPTIONS", "salespeople/JO").as(InProcessApi.CLERK).send().problem(403, "forbidden");
    }

    @Test
    public void missingOrWrongCredentialsAre401BeforeAny403() {
        api.request("POST", "salespeople").json("{}").send().problem(401, "unauthorized");
        api.request("DELETE", "contacts/CT000001").as(InProcessApi.basic("jo", "wrong")).send()
                .problem(401, "unauthorized");
    }

    @Test
    public void aSalespersonCreatesAndChangesContactsButDeletesNone() {
        assertEquals(201, api.request("POST", "contacts").as(InProcessApi.SALESPERSON).json(CRONUS).send().status());

        JsonNode problem = api.request("DELETE", "contacts/CT000001").as(InProcessApi.SALESPERSON).send()
                .problem(403, "forbidden");

        assertEquals("user jo may not DELETE /contacts/CT000001; it needs one of the roles opportune-admin, "
                + "sales-manager", problem.get("detail").asText());
        verify(contacts, never()).delete(anyString(), any());
        assertEquals(204, api.request("DELETE", "contacts/CT000001").as(InProcessApi.MANAGER).send().status());
    }

    @Test
    public void aViewerChangesNothing() {
        api.request("POST", "contacts").as(InProcessApi.VIEWER).json(CRONUS).send().problem(403, "forbidden");
        api.request("PATCH", "contacts/CT000001").as(InProcessApi.VIEWER).json("{}").send()
                .problem(403, "forbidden");
        verify(contacts, never()).create(any(ContactValues.class));
    }

    @Test
    public void aUserWithNoneOfOpportunesRolesIsRefusedEverywhereButHealth() {
        for (String path : List.of("salespeople", "me", "contacts/CT000001", "no/such/path")) {
            JsonNode problem = api.request("GET", path).as(InProcessApi.CLERK).send().problem(403, "forbidden");
            assertEquals(path, "user clerk has none of Opportune's roles; it needs one of the roles opportune-admin, "
                    + "sales-manager, salesperson, sales-viewer", problem.get("detail").asText());
        }
        // answered by /health itself (DOWN: there is no database here), not refused
        assertEquals("DOWN", api.request("GET", "health").send().json().get("status").asText());
        assertEquals("DOWN", api.request("GET", "health").as(InProcessApi.CLERK).send().json().get("status").asText());
    }

    @Test
    public void aServiceRefusalIs403WithItsFieldsAndTheRolesThatWouldAllowIt() {
        when(contacts.create(any(ContactValues.class))).thenThrow(new AccessDeniedException(
                "a salesperson creates contacts of its own salesperson only", List.of("sales-manager"),
                List.of(new FieldError("salespersonCode", "must be your own salesperson, JO"))));

        JsonNode problem = api.request("POST", "contacts").as(InProcessApi.SALESPERSON)
                .json(CRONUS.replace("JO", "AL")).send().problem(403, "forbidden");

        assertEquals("a salesperson creates contacts of its own salesperson only; it needs the role sales-manager",
                problem.get("detail").asText());
        assertEquals("[{\"field\":\"salespersonCode\",\"message\":\"must be your own salesperson, JO\"}]",
                problem.get("errors").toString());
    }

    @Test
    public void aServiceRefusalOfARecordNotSeenStays404() {
        doThrow(new org.opportune.api.NotFoundException("contact", "CT000009")).when(contacts).get("CT000009");

        api.request("GET", "contacts/CT000009").as(InProcessApi.SALESPERSON).send().problem(404, "not-found");
    }

    /** An extension resource of another bundle. */
    @Path("notes")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Notes {
        @GET
        public List<String> list() {
            return List.of("a note");
        }

        @POST
        public List<String> add() {
            return List.of("added");
        }
    }

    @Path("secrets")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Secrets {
        @GET
        public List<String> list() {
            return List.of("a secret");
        }
    }

    @Test
    public void anExtensionIsCalledByTheRolesItsServiceDeclaresAndByTheAdministratorWhenItDeclaresNone() {
        DeclaredRoles notes = DeclaredRoles.of(Map.<String, Object>of(
                RestWhiteboard.READ_ROLES, new String[] { "sales-viewer", "sales-manager" },
                RestWhiteboard.WRITE_ROLES, "sales-manager")::get);
        InProcessApi extended = InProcessApi.withAccess(new ResourceAccess(new AccessPolicy(),
                Map.of(Notes.class, notes, Secrets.class, DeclaredRoles.UNDECLARED)), new Notes(), new Secrets());

        assertEquals(200, extended.request("GET", "notes").as(InProcessApi.VIEWER).send().status());
        assertEquals(200, extended.request("POST", "notes").as(InProcessApi.MANAGER).send().status());
        JsonNode problem = extended.request("POST", "notes").as(InProcessApi.VIEWER).send()
                .problem(403, "forbidden");
        assertEquals("user viewer may not POST /notes; it needs the role sales-manager",
                problem.get("detail").asText());
        extended.request("GET", "notes").as(InProcessApi.ADMIN).send().problem(403, "forbidden");

        extended.request("GET", "secrets").as(InProcessApi.MANAGER).send().problem(403, "forbidden");
        assertEquals(200, extended.request("GET", "secrets").as(InProcessApi.ADMIN).send().status());
    }

    @Test
    public void aResourceTheTableDoesNotKnowIsTheAdministratorsOnly() {
        InProcessApi unknown = new InProcessApi(new Secrets());

        unknown.request("GET", "secrets").as(InProcessApi.VIEWER).send().problem(403, "forbidden");
        assertEquals(200, unknown.request("GET", "secrets").as(InProcessApi.ADMIN).send().status());
    }
}
