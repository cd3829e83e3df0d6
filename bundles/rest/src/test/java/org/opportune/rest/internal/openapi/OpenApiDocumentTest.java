package org.opportune.rest.internal.openapi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.ws.rs.HttpMethod;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.junit.BeforeClass;
import org.junit.Test;
import org.opportune.rest.internal.resources.ActivityResource;
import org.opportune.rest.internal.resources.AuditResource;
import org.opportune.rest.internal.resources.CloseCodeResource;
import org.opportune.rest.internal.resources.ContactResource;
import org.opportune.rest.internal.resources.ExtensionsResource;
import org.opportune.rest.internal.resources.HealthResource;
import org.opportune.rest.internal.resources.MeResource;
import org.opportune.rest.internal.resources.OpportunitiesResource;
import org.opportune.rest.internal.resources.OpportunityResource;
import org.opportune.rest.internal.resources.ReportsResource;
import org.opportune.rest.internal.resources.SalesCycleResource;
import org.opportune.rest.internal.resources.SalesCycleStageResource;
import org.opportune.rest.internal.resources.SalespersonResource;
import org.opportune.rest.internal.resources.TaskResource;
import org.opportune.rest.internal.security.AccessPolicy;
import org.opportune.rest.internal.security.DeclaredRoles;
import org.opportune.rest.internal.security.Endpoint;
import org.opportune.rest.internal.security.ResourceAccess;

/** The document of the built-in resources, read back by an OpenAPI parser. */
public class OpenApiDocumentTest {
    static final List<Class<?>> BUILT_IN = List.of(SalespersonResource.class, ContactResource.class,
            SalesCycleResource.class, SalesCycleStageResource.class, CloseCodeResource.class,
            OpportunitiesResource.class, OpportunityResource.class, ReportsResource.class, ExtensionsResource.class,
            HealthResource.class, OpenApiResource.class, MeResource.class, AuditResource.class, ActivityResource.class,
            TaskResource.class);

    private static String json;
    private static OpenAPI parsed;

    @BeforeClass
    public static void render() throws Exception {
        json = new OpenApiResource("2.0.0").rendered(BUILT_IN).json();
        Files.writeString(Path.of("target", "openapi.json"), json);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json);
        assertEquals("the parser's complaints", List.of(), result.getMessages());
        parsed = result.getOpenAPI();
    }

    @Test
    public void isAValidOpenApi3DocumentOfEveryResource() {
        assertTrue(parsed.getOpenapi().startsWith("3."));
        assertEquals("2.0.0", parsed.getInfo().getVersion());
        assertEquals("/api/v1", parsed.getServers().get(0).getUrl());
        Set<String> paths = parsed.getPaths().keySet();
        for (Class<?> resource : BUILT_IN) {
            String path = "/" + resource.getAnnotation(javax.ws.rs.Path.class).value()
                    .replaceAll("\\{(\\w+):[^}]*}", "{$1}"); // a template's regular expression is not in the document
            assertTrue(path + " in " + paths, paths.contains(path));
        }
    }

    @Test
    public void everyOperationSaysWhatItAnswersAndTheErrorsItCanGet() {
        parsed.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Set<String> codes = new TreeSet<>(operation.getResponses().keySet());
            String where = method + " " + path + " " + codes;
            assertTrue(where, codes.stream().anyMatch(code -> code.startsWith("2")));
            assertTrue(where, codes.contains("503"));
            if (!path.equals("/health")) {
                assertTrue(where, codes.containsAll(Set.of("400", "401", "403")));
            }
            if (path.contains("{")) {
                assertTrue(where, codes.contains("404"));
            }
        }));
        assertNotNull(parsed.getComponents().getSchemas().get("Problem"));
    }

    @Test
    public void healthNeedsNoCredentialsEverythingElseBasic() {
        assertEquals(List.of(), operation("/health", HttpMethod.GET).getSecurity());
        assertEquals("basic", parsed.getSecurity().get(0).keySet().iterator().next());
    }

    @Test
    public void everyRecordSaysWhoChangedItLastAndWhenReadOnly() {
        for (String record : List.of("Salesperson", "Contact", "SalesCycle", "SalesCycleStage", "CloseOpportunityCode",
                "Opportunity", "Activity", "Task")) {
            Schema<?> changedBy = property(record, "changedBy");
            Schema<?> changedAt = property(record, "changedAt");
            assertEquals(record, "string", changedBy.getType());
            assertEquals(record, Boolean.TRUE, changedBy.getReadOnly());
            assertEquals(record, "date-time", changedAt.getFormat());
            assertEquals(record, Boolean.TRUE, changedAt.getReadOnly());
            assertEquals(record, Boolean.TRUE, property(record, "version").getReadOnly());
        }
        assertEquals("who made the move", "date-time", property("OpportunityEntry", "changedAt").getFormat());
        assertEquals("string", property("OpportunityEntry", "changedBy").getType());
        assertNull("a salesperson's login is written by clients", property("Salesperson", "userName").getReadOnly());
        assertEquals("string", property("Salesperson", "userName").getType());
    }

    @Test
    public void aMoveAndACloseMayCancelTheOpenTasks() {
        assertEquals("boolean", property("StageUpdate", "cancelOpenTasks").getType());
        assertEquals("boolean", property("Closing", "cancelOpenTasks").getType());
        assertEquals("closing cancels them unless told not to", Boolean.TRUE,
                property("Closing", "cancelOpenTasks").getDefault());
        assertEquals("#/components/schemas/StageUpdate", operation("/opportunities/{no}/updates", HttpMethod.POST)
                .getRequestBody().getContent().get("application/json").getSchema().get$ref());
        assertEquals("#/components/schemas/Closing", operation("/opportunities/{no}/close", HttpMethod.POST)
                .getRequestBody().getContent().get("application/json").getSchema().get$ref());
    }

    @Test
    public void everyWriteOfARecordTakesAndAnswersItsSchema() {
        Map<String, String> records = Map.of("/salespeople", "Salesperson", "/close-codes", "CloseOpportunityCode",
                "/sales-cycles", "SalesCycle", "/contacts", "Contact", "/sales-cycles/{code}/stages",
                "SalesCycleStage", "/activities", "Activity", "/tasks", "Task");
        records.forEach((collection, record) -> {
            String ref = "#/components/schemas/" + record;
            String one = parsed.getPaths().keySet().stream()
                    .filter(path -> path.matches(Pattern.quote(collection) + "/\\{\\w+}"))
                    .findFirst().orElseThrow();
            assertEquals(collection, ref, answer(operation(collection, HttpMethod.POST), "201"));
            assertEquals(collection, ref, body(operation(collection, HttpMethod.POST)));
            assertEquals(one, ref, answer(operation(one, HttpMethod.GET), "200"));
            assertEquals(one, ref, answer(operation(one, HttpMethod.PUT), "200"));
            assertEquals(one, ref, body(operation(one, HttpMethod.PUT)));
            assertEquals(one, ref, answer(operation(one, "PATCH"), "200"));
            assertEquals("a merge patch of the record", ref, body(operation(one, "PATCH")));
            assertEquals(collection, "#/components/schemas/Page" + record,
                    answer(operation(collection, HttpMethod.GET), "200"));
        });
        assertEquals("#/components/schemas/OpportunityBody", body(operation("/opportunities", HttpMethod.POST)));
        assertEquals("#/components/schemas/Opportunity", answer(operation("/opportunities", HttpMethod.POST), "201"));
    }

    @Test
    public void anActivationMayCancelTheOpenTasksToo() {
        assertEquals("boolean", property("Activation", "cancelOpenTasks").getType());
        assertEquals(Boolean.FALSE, property("Activation", "cancelOpenTasks").getDefault());
        assertEquals("boolean", property("ActivateBody", "cancelOpenTasks").getType());
        assertEquals("#/components/schemas/ActivateBody", body(operation("/opportunities/{no}/activate",
                HttpMethod.POST)));
    }

    @Test
    public void stagesSayHowLongAnOpportunityMayIdleAndOpportunitiesHowLongTheyHave() {
        Schema<?> maxDaysIdle = property("SalesCycleStage", "maxDaysIdle");
        assertEquals("integer", maxDaysIdle.getType());
        assertEquals(0, maxDaysIdle.getMinimum().compareTo(java.math.BigDecimal.ONE));
        assertNull(maxDaysIdle.getReadOnly());
        assertEquals("integer", property("Opportunity", "daysIdle").getType());
        assertEquals(Boolean.TRUE, property("Opportunity", "daysIdle").getReadOnly());
        assertTrue(parameters("/opportunities", HttpMethod.GET).contains("stale"));
    }

    @Test
    public void showsActivitiesTheirStepsAndTasksWithTheirEnumsFiltersAndActions() {
        assertEquals(List.of("TODO", "MEETING", "PHONE_CALL"), property("Task", "type").getEnum());
        assertEquals(List.of("LOW", "NORMAL", "HIGH"), property("Task", "priority").getEnum());
        assertEquals(List.of("OPEN", "COMPLETED", "CANCELED"), property("Task", "status").getEnum());
        assertEquals(List.of("TODO", "MEETING", "PHONE_CALL"), property("ActivityStep", "type").getEnum());
        assertEquals(List.of("LOW", "NORMAL", "HIGH"), property("ActivityStep", "priority").getEnum());
        assertEquals("#/components/schemas/ActivityStep", property("Activity", "steps").getItems().get$ref());
        for (String owned : List.of("no", "status", "opportunityEntryNo", "activityCode", "step", "dateCompleted")) {
            assertEquals(owned, Boolean.TRUE, property("Task", owned).getReadOnly());
        }
        for (String editable : List.of("type", "description", "date", "priority", "salespersonCode", "contactNo",
                "opportunityNo")) {
            assertNull(editable, property("Task", editable).getReadOnly());
        }

        Set<String> filters = Set.of("salespersonCode", "contactNo", "status", "dateFrom", "dateTo", "overdue",
                "offset", "limit", "sort");
        Set<String> all = new TreeSet<>(filters);
        all.add("opportunityNo");
        assertEquals(all, parameters("/tasks", HttpMethod.GET));
        assertEquals(new TreeSet<>(filters), parameters("/opportunities/{no}/tasks", HttpMethod.GET));
        assertEquals(List.of("OPEN", "COMPLETED", "CANCELED"), operation("/tasks", HttpMethod.GET).getParameters()
                .stream().filter(parameter -> parameter.getName().equals("status")).findFirst().orElseThrow()
                .getSchema().getEnum());
        assertEquals("#/components/schemas/PageTask", answer(operation("/opportunities/{no}/tasks", HttpMethod.GET),
                "200"));

        for (String action : List.of("/tasks/{no}/complete", "/tasks/{no}/cancel")) {
            Operation operation = operation(action, HttpMethod.POST);
            assertEquals(action, "#/components/schemas/Task", answer(operation, "200"));
            assertTrue(action, operation.getResponses().keySet().containsAll(Set.of("404", "409", "412", "503")));
        }
        assertEquals("#/components/schemas/TaskCompletion", body(operation("/tasks/{no}/complete", HttpMethod.POST)));
        assertEquals("#/components/schemas/ActivityStep", body(operation("/activities/{code}/steps",
                HttpMethod.POST)));
        assertEquals("#/components/schemas/Activity", answer(operation("/activities/{code}/steps", HttpMethod.POST),
                "201"));
        assertEquals("#/components/schemas/Activity", answer(operation("/activities/{code}/steps/{step}",
                HttpMethod.DELETE), "200"));
        assertEquals(List.of("opportune-admin"), operation("/activities/{code}/steps/{step}", HttpMethod.DELETE)
                .getExtensions().get("x-opportune-roles"));
        assertEquals(List.of("opportune-admin", "sales-manager", "salesperson"), operation("/tasks/{no}/cancel",
                HttpMethod.POST).getExtensions().get("x-opportune-roles"));
        assertEquals(List.of("opportune-admin", "sales-manager", "salesperson", "sales-viewer"),
                operation("/activities", HttpMethod.GET).getExtensions().get("x-opportune-roles"));
    }

    @Test
    public void namesNoSchemaNothingRefersTo() {
        for (String schema : parsed.getComponents().getSchemas().keySet()) {
            assertTrue(schema, json.contains("\"#/components/schemas/" + schema + "\""));
        }
        assertFalse(json.contains("JsonNode"));
        assertFalse(json.contains("CodedJson"));
    }

    @Test
    public void everyOperationNamesTheRolesItNeedsFromThePolicyTable() {
        AccessPolicy policy = new AccessPolicy();
        int operations = 0;
        for (Map.Entry<String, PathItem> path : parsed.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
                operations++;
                String where = operation.getKey() + " " + path.getKey();
                Object roles = operation.getValue().getExtensions() == null ? null
                        : operation.getValue().getExtensions().get("x-opportune-roles");
                var declared = policy.of(operation.getKey().name(), path.getKey()).orElseThrow();
                if (declared.open()) {
                    assertNull(where, roles);
                    assertFalse(where, operation.getValue().getResponses().containsKey("403"));
                } else {
                    assertEquals(where, declared.roles(), roles);
                    assertTrue(where, operation.getValue().getResponses().containsKey("403"));
                    assertTrue(where, operation.getValue().getDescription().contains("Needs "));
                }
            }
        }
        assertEquals("every rule is an operation of the document", policy.rules().size(), operations);
        assertEquals(List.of("opportune-admin"), operation("/audit", HttpMethod.GET).getExtensions()
                .get("x-opportune-roles"));
        assertEquals("Needs one of the roles opportune-admin, sales-manager.",
                operation("/contacts/{no}", HttpMethod.DELETE).getDescription());
    }

    @Test
    public void showsMeAndTheAuditLog() {
        assertEquals("#/components/schemas/Me", answer(operation("/me", HttpMethod.GET), "200"));
        assertEquals("#/components/schemas/PageAuditRecord", answer(operation("/audit", HttpMethod.GET), "200"));
        Set<String> parameters = new TreeSet<>();
        operation("/audit", HttpMethod.GET).getParameters().forEach(parameter -> parameters.add(parameter.getName()));
        assertEquals(new TreeSet<>(List.of("entity", "key", "user", "from", "to", "offset", "limit", "sort")),
                parameters);
        assertNotNull(property("AuditRecord", "summary"));
    }

    @Test
    public void anExtensionShowsTheRolesItsServiceDeclares() throws Exception {
        DeclaredRoles declared = DeclaredRoles.of(Map.<String, Object>of(
                org.opportune.api.RestWhiteboard.READ_ROLES, "sales-viewer")::get);
        OpenAPI api = OpenApiDocument.of(List.of(Notes.class), "1", new ResourceAccess(new AccessPolicy(),
                Map.of(Notes.class, declared)));
        assertEquals(List.of("sales-viewer"), api.getPaths().get("/notes").getGet().getExtensions()
                .get("x-opportune-roles"));
        assertEquals("undeclared: the administrator", List.of("opportune-admin"),
                api.getPaths().get("/notes").getPost().getExtensions().get("x-opportune-roles"));
        assertEquals(new Endpoint("GET", "/notes"), Endpoint.of(Notes.class).stream()
                .filter(endpoint -> endpoint.method().equals("GET")).findFirst().orElseThrow());
    }

    @javax.ws.rs.Path("notes")
    public static final class Notes {
        @javax.ws.rs.GET
        @javax.ws.rs.Produces("application/json")
        public List<String> list() {
            return List.of();
        }

        @javax.ws.rs.POST
        public void add() {
        }
    }

    private static Schema<?> property(String schema, String name) {
        Schema<?> record = parsed.getComponents().getSchemas().get(schema);
        assertNotNull(schema, record);
        Schema<?> property = (Schema<?>) record.getProperties().get(name);
        assertNotNull(schema + "." + name, property);
        return property;
    }

    private static Set<String> parameters(String path, String method) {
        Set<String> names = new TreeSet<>();
        operation(path, method).getParameters().stream().filter(parameter -> "query".equals(parameter.getIn()))
                .forEach(parameter -> names.add(parameter.getName()));
        return names;
    }

    private static String answer(Operation operation, String status) {
        return operation.getResponses().get(status).getContent().get("application/json").getSchema().get$ref();
    }

    private static String body(Operation operation) {
        return operation.getRequestBody().getContent().get("application/json").getSchema().get$ref();
    }

    private static Operation operation(String path, String method) {
        PathItem item = parsed.getPaths().get(path);
        assertNotNull(path, item);
        return item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
    }
}
