package org.opportune.rest.internal.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.ws.rs.GET;
import javax.ws.rs.POST;

import org.junit.Test;
import org.opportune.api.RestWhiteboard;
import org.opportune.api.caller.Roles;
import org.opportune.rest.internal.resources.ContactResource;
import org.opportune.rest.internal.resources.SalespersonResource;

/** The policy table: complete for every built-in resource method, and what it says for a sample. */
public class AccessPolicyTest {
    private static final List<String> EVERYONE = List.of(Roles.OPPORTUNE_ADMIN, Roles.SALES_MANAGER,
            Roles.SALESPERSON, Roles.SALES_VIEWER);
    private static final List<String> ADMIN = List.of(Roles.OPPORTUNE_ADMIN);
    private static final List<String> SALES = List.of(Roles.OPPORTUNE_ADMIN, Roles.SALES_MANAGER, Roles.SALESPERSON);
    private static final List<String> MANAGERS = List.of(Roles.OPPORTUNE_ADMIN, Roles.SALES_MANAGER);

    private final AccessPolicy policy = new AccessPolicy();

    /** Every root resource class of this bundle, as compiled: a resource added later is checked without a list. */
    static List<Class<?>> builtInResources() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<Class<?>> resources = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(file -> file.toString().endsWith(".class")).toList();
        }
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.')
                    .replace('\\', '.');
            Class<?> type = Class.forName(name, false, AccessPolicyTest.class.getClassLoader());
            if (type.isAnnotationPresent(javax.ws.rs.Path.class)
                    && !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                resources.add(type);
            }
        }
        return resources;
    }

    @Test
    public void everyBuiltInResourceMethodIsDeclared() throws Exception {
        List<Class<?>> resources = builtInResources();
        assertTrue("found the resources: " + resources, resources.size() >= 15);
        Set<String> undeclared = new TreeSet<>();
        Set<Endpoint> served = new HashSet<>();
        for (Class<?> resource : resources) {
            List<Endpoint> endpoints = Endpoint.of(resource);
            assertFalse(resource + " has resource methods", endpoints.isEmpty());
            for (Endpoint endpoint : endpoints) {
                served.add(endpoint);
                if (policy.of(endpoint.method(), endpoint.template()).isEmpty()) {
                    undeclared.add(resource.getSimpleName() + ": " + endpoint);
                }
            }
        }
        assertEquals("resource methods without a rule", Set.of(), undeclared);
        Set<Endpoint> stale = new HashSet<>(policy.rules().keySet());
        stale.removeAll(served);
        assertEquals("rules for endpoints no resource has", Set.of(), stale);
    }

    @Test
    public void onlyHealthIsOpenAndNoRuleAllowsNobody() {
        policy.rules().forEach((endpoint, access) -> {
            assertEquals(endpoint.toString(), endpoint.template().equals("/health"), access.open());
            assertTrue(endpoint.toString(), access.open() || !access.roles().isEmpty());
            assertTrue(endpoint.toString(), Roles.ALL.containsAll(access.roles()));
        });
    }

    @Test
    public void everyRoleReadsEverythingButTheAuditLog() {
        policy.rules().forEach((endpoint, access) -> {
            if (endpoint.method().equals("GET") && !access.open()) {
                assertEquals(endpoint.toString(), endpoint.template().equals("/audit") ? ADMIN : EVERYONE,
                        access.roles());
            }
        });
    }

    @Test
    public void aSampleOfTheTable() {
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("GET /me", EVERYONE),
                Map.entry("GET /openapi.{format}", EVERYONE),
                Map.entry("GET /reports/{id}", EVERYONE),
                Map.entry("GET /audit", ADMIN),
                Map.entry("POST /salespeople", ADMIN),
                Map.entry("PATCH /sales-cycles/{code}", ADMIN),
                Map.entry("DELETE /sales-cycles/{code}/stages/{stage}", ADMIN),
                Map.entry("PUT /close-codes/{code}", ADMIN),
                Map.entry("POST /contacts", SALES),
                Map.entry("PATCH /contacts/{no}", SALES),
                Map.entry("DELETE /contacts/{no}", MANAGERS),
                Map.entry("POST /opportunities", SALES),
                Map.entry("POST /opportunities/{no}/updates", SALES),
                Map.entry("POST /opportunities/{no}/close", SALES),
                Map.entry("DELETE /opportunities/{no}/sales-quote", SALES),
                Map.entry("DELETE /opportunities/{no}", SALES), // the service: 403 for its own, 404 for another's
                Map.entry("POST /opportunities/{no}/activate", SALES),
                Map.entry("GET /opportunities/{no}/tasks", EVERYONE),
                Map.entry("GET /activities", EVERYONE),
                Map.entry("GET /activities/{code}", EVERYONE),
                Map.entry("POST /activities", ADMIN),
                Map.entry("PUT /activities/{code}", ADMIN),
                Map.entry("PATCH /activities/{code}", ADMIN),
                Map.entry("DELETE /activities/{code}", ADMIN),
                Map.entry("POST /activities/{code}/steps", ADMIN),
                Map.entry("DELETE /activities/{code}/steps/{step}", ADMIN),
                Map.entry("GET /tasks", EVERYONE),
                Map.entry("GET /tasks/{no}", EVERYONE),
                // a salesperson on its own tasks only, as the service checks
                Map.entry("POST /tasks", SALES),
                Map.entry("PUT /tasks/{no}", SALES),
                Map.entry("PATCH /tasks/{no}", SALES),
                Map.entry("POST /tasks/{no}/complete", SALES),
                Map.entry("POST /tasks/{no}/cancel", SALES));
        expected.forEach((line, roles) -> {
            Endpoint endpoint = Endpoint.parse(line);
            assertEquals(line, Optional.of(Access.roles(roles)), policy.of(endpoint.method(), endpoint.template()));
        });
        assertEquals(Optional.of(Access.OPEN), policy.of("GET", "/health"));
    }

    @Test
    public void headIsAllowedAsGetAndWhatIsNotDeclaredIsTheAdministrators() {
        assertEquals(policy.of("GET", "/salespeople"), policy.of("HEAD", "/salespeople"));
        assertEquals(Optional.empty(), policy.of("GET", "/salespeople/{code}/secrets"));
        assertEquals(Access.ADMIN_ONLY, ResourceAccess.builtIn().of(SalespersonResource.class, "GET",
                "/salespeople/{code}/secrets"));
    }

    @Test
    public void theTemplateOfAResourceMethodIsItsClassPathAndItsOwnInheritedOnesIncluded() throws Exception {
        assertEquals("/salespeople/{code}", Endpoint.template(SalespersonResource.class,
                SalespersonResource.class.getMethod("get", String.class, javax.ws.rs.core.UriInfo.class)));
        assertEquals("/contacts", Endpoint.template(ContactResource.class, ContactResource.class.getMethod("list",
                javax.ws.rs.core.UriInfo.class)));
        assertTrue(Endpoint.of(SalespersonResource.class).contains(Endpoint.parse("DELETE /salespeople/{code}")));
        assertEquals("/openapi.{format}", Endpoint.normalized("openapi.{format: json|yaml}"));
        assertEquals("/things/{id}/x", Endpoint.normalized("/things//{ id : [0-9]{3} }/x/"));
        assertEquals("/", Endpoint.normalized(""));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("/no/method"));
    }

    @Test
    public void anExtensionDeclaresItsRolesOnItsServiceAndNothingMeansTheAdministrator() {
        DeclaredRoles undeclared = DeclaredRoles.of(name -> null);
        assertEquals(DeclaredRoles.UNDECLARED, undeclared);
        assertEquals(Access.ADMIN_ONLY, undeclared.of("GET"));

        Map<String, Object> properties = Map.of(RestWhiteboard.READ_ROLES, new String[] { "sales-viewer",
            " salesperson " }, RestWhiteboard.WRITE_ROLES, "opportune-admin, sales-manager");
        DeclaredRoles declared = DeclaredRoles.of(properties::get);
        assertEquals(List.of("sales-viewer", "salesperson"), declared.of("GET").roles());
        assertEquals(List.of("sales-viewer", "salesperson"), declared.of("HEAD").roles());
        assertEquals(MANAGERS, declared.of("POST").roles());
        assertEquals(MANAGERS, declared.of("DELETE").roles());

        DeclaredRoles blank = DeclaredRoles.of(Map.<String, Object>of(RestWhiteboard.READ_ROLES, " , ",
                RestWhiteboard.WRITE_ROLES, 42)::get);
        assertEquals("never nobody", DeclaredRoles.UNDECLARED, blank);

        ResourceAccess access = new ResourceAccess(policy, Map.of(Extension.class, declared));
        assertEquals(declared.of("GET"), access.of(Extension.class, "GET", "/salespeople"));
        assertEquals("a built-in class is the table's", Access.roles(ADMIN),
                access.of(SalespersonResource.class, "POST", "/salespeople"));
    }

    @javax.ws.rs.Path("salespeople")
    static final class Extension {
        @GET
        public String read() {
            return "";
        }

        @POST
        public void write() {
        }
    }
}
