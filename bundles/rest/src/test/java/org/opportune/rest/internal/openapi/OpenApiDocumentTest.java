package org.opportune.rest.internal.openapi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.HttpMethod;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.junit.BeforeClass;
import org.junit.Test;
import org.opportune.rest.internal.resources.CloseCodeResource;
import org.opportune.rest.internal.resources.ContactResource;
import org.opportune.rest.internal.resources.ExtensionsResource;
import org.opportune.rest.internal.resources.HealthResource;
import org.opportune.rest.internal.resources.OpportunitiesResource;
import org.opportune.rest.internal.resources.OpportunityResource;
import org.opportune.rest.internal.resources.ReportsResource;
import org.opportune.rest.internal.resources.SalesCycleResource;
import org.opportune.rest.internal.resources.SalesCycleStageResource;
import org.opportune.rest.internal.resources.SalespersonResource;

/** The document of the built-in resources, read back by an OpenAPI parser. */
public class OpenApiDocumentTest {
    static final List<Class<?>> BUILT_IN = List.of(SalespersonResource.class, ContactResource.class,
            SalesCycleResource.class, SalesCycleStageResource.class, CloseCodeResource.class,
            OpportunitiesResource.class, OpportunityResource.class, ReportsResource.class, ExtensionsResource.class,
            HealthResource.class, OpenApiResource.class);

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

    private static Operation operation(String path, String method) {
        PathItem item = parsed.getPaths().get(path);
        assertNotNull(path, item);
        return item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
    }
}
