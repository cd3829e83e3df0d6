package org.opportune.rest.internal.openapi;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.OpenAPI;

import org.opportune.api.RestWhiteboard;
import org.opportune.api.UnavailableException;
import org.opportune.rest.internal.http.QueryParameters;
import org.opportune.rest.internal.security.ResourceAccess;
import org.opportune.rest.internal.whiteboard.RegisteredResources;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /openapi.json} and {@code /openapi.yaml}: the OpenAPI 3 document of every resource served now, extension
 * resources included, with the roles each operation needs. Like everything but {@code /health} it needs
 * credentials. Built again only when the resources or their roles change.
 */
@Component(service = OpenApiResource.class, property = RestWhiteboard.RESOURCE)
@Path("openapi.{format: json|yaml}")
@Tag(name = "openapi")
public class OpenApiResource {
    public static final String YAML = "application/yaml";

    /** The whiteboard serving this very resource: optional and dynamic, as for {@code /extensions}. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile RegisteredResources resources;

    private final String version;
    private final AtomicReference<Rendered> last = new AtomicReference<>();

    @Activate
    public OpenApiResource(BundleContext context) {
        this(context.getBundle().getVersion().toString());
    }

    OpenApiResource(String version) {
        this.version = version;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, YAML })
    @Operation(summary = "This document: every path, parameter, body and answer of the API as served now",
            responses = @ApiResponse(responseCode = "200", description = "OpenAPI 3 as JSON or YAML",
                    content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")),
                        @Content(mediaType = YAML, schema = @Schema(type = "object")) }))
    public Response document(@Parameter(description = "json or yaml") @PathParam("format") String format,
                             @Context UriInfo uri) throws JsonProcessingException {
        QueryParameters.only(uri);
        RegisteredResources served = served();
        Rendered document = rendered(served.resourceClasses(), served.access());
        return "yaml".equals(format) ? Response.ok(document.yaml(), YAML).build()
                : Response.ok(document.json(), MediaType.APPLICATION_JSON).build();
    }

    private RegisteredResources served() {
        RegisteredResources served = resources;
        if (served == null) {
            throw new UnavailableException("the REST whiteboard is starting");
        }
        return served;
    }

    /** The document of the built-in resources. */
    Rendered rendered(List<Class<?>> classes) throws JsonProcessingException {
        return rendered(classes, ResourceAccess.builtIn());
    }

    /** The document of these resources, rendered once for each set of resources and the roles they need. */
    Rendered rendered(List<Class<?>> classes, ResourceAccess access) throws JsonProcessingException {
        Rendered known = last.get();
        if (known != null && known.classes().equals(classes) && known.access().equals(access)) {
            return known;
        }
        OpenAPI api = OpenApiDocument.of(classes, version, access);
        Rendered fresh = new Rendered(classes, access, Json.pretty().writeValueAsString(api),
                Yaml.pretty().writeValueAsString(api));
        last.set(fresh);
        return fresh;
    }

    record Rendered(List<Class<?>> classes, ResourceAccess access, String json, String yaml) {
    }
}
