package org.opportune.rest.internal.openapi;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.opportune.rest.internal.http.MediaTypes;
import org.opportune.rest.internal.problem.Problem;
import org.opportune.rest.internal.security.Access;
import org.opportune.rest.internal.security.Endpoint;
import org.opportune.rest.internal.security.ResourceAccess;

/**
 * The OpenAPI 3 document of the resources served now. swagger-core reads each resource's JAX-RS annotations
 * (paths, methods, path, query and header parameters, bodies, return types) and its OpenAPI annotations (what
 * JAX-RS cannot say: the query parameters read from {@code UriInfo}, the bodies of {@code Response}s); this class
 * adds what every operation shares because the house rules answer it, not the resource: HTTP Basic, the
 * problem+json errors each kind of operation can get, and the record a write answers where its resource could not
 * say (the endpoints several resources share, see CodedResource): a create, replace or change answers the record
 * that {@code GET} of it answers. Each operation names the roles it needs in {@value #ROLES} and its description,
 * from the same {@link ResourceAccess} the API enforces.
 */
public final class OpenApiDocument {
    static final String BASIC = "basic";
    /** The extension of an operation listing the roles of which a user needs one. */
    static final String ROLES = "x-opportune-roles";
    static final String PROBLEM = "Problem";
    /** The list envelope's schemas: Page plus the item type's name. */
    static final String PAGE = "Page";
    /** Where the operations live; the document's paths are relative to it. */
    static final String SERVER = "/api/v1";
    /** A record's path: its collection's, then one parameter. */
    private static final Pattern RECORD_PATH = Pattern.compile("(/.+)/\\{[^/}]+}");

    private OpenApiDocument() {
    }

    /**
     * @param resources the classes of the resource objects served now
     * @param version   the version of the REST bundle, the document's version
     */
    public static OpenAPI of(Collection<Class<?>> resources, String version) {
        return of(resources, version, ResourceAccess.builtIn());
    }

    /** @param access who may call what of these resources */
    public static OpenAPI of(Collection<Class<?>> resources, String version, ResourceAccess access) {
        OpenAPI template = new OpenAPI()
                .info(new Info().title("Opportune REST API").version(version)
                        .description("Opportunity management (sales pipeline) after Microsoft Dynamics NAV. JSON in "
                                + "and out; errors are RFC 9457 problem documents; PUT, PATCH, DELETE and the "
                                + "opportunity and task actions take If-Match with the ETag of the last read.")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url(SERVER)))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A user of Karaf's JAAS realm karaf (etc/users.properties)")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
        OpenAPI api = new Reader(new SwaggerConfiguration().openAPI(template).prettyPrint(true))
                .read(new LinkedHashSet<>(resources));
        addProblems(api);
        Map<String, PathItem> paths = new TreeMap<>(api.getPaths() == null ? Map.of() : api.getPaths());
        paths.forEach((path, item) -> answerTheRecord(path, item, paths));
        Paths sorted = new Paths();
        Map<Endpoint, Access> needed = needed(resources, access);
        paths.forEach((path, item) -> sorted.addPathItem(path, complete(path, item, needed)));
        api.setPaths(sorted);
        dropUnreferencedSchemas(api);
        return api;
    }

    /**
     * Drops the schemas nothing refers to: what swagger made of types the document no longer names, such as the
     * PATCH parameter's {@code JsonNode} (the bodies name the records) or the bound of a type variable.
     */
    private static void dropUnreferencedSchemas(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        boolean dropped = true;
        while (dropped && schemas != null) {
            String referring = Json.pretty(List.of(api.getPaths(), api.getComponents().getResponses(), schemas));
            dropped = schemas.keySet().removeIf(name -> !referring.contains("\"" + Components.COMPONENTS_SCHEMAS_REF
                    + name + "\""));
        }
    }

    private static void addProblems(OpenAPI api) {
        Components components = api.getComponents();
        ModelConverters.getInstance().readAll(Problem.class).forEach(components::addSchemas);
        for (ProblemStatus status : ProblemStatus.values()) {
            components.addResponses(status.key, new ApiResponse().description(status.description)
                    .content(new Content().addMediaType(MediaTypes.PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref(PROBLEM)))));
        }
    }

    /**
     * The writes of a record whose answer names no schema answer the record {@code GET} answers at its path,
     * {@code /things/{code}}: PUT and PATCH there (200), and POST to the collection, {@code /things} (201).
     */
    private static void answerTheRecord(String path, PathItem item, Map<String, PathItem> paths) {
        Schema<?> record = item.getGet() == null || item.getGet().getResponses() == null ? null
                : jsonSchemaOf(item.getGet().getResponses().get("200"));
        Matcher collection = RECORD_PATH.matcher(path);
        if (record == null || !collection.matches()) {
            return;
        }
        answer(item.getPut(), "200", record);
        answer(item.getPatch(), "200", record);
        PathItem things = paths.get(collection.group(1));
        answer(things == null ? null : things.getPost(), "201", record);
    }

    private static void answer(Operation operation, String status, Schema<?> record) {
        ApiResponse response = operation == null || operation.getResponses() == null ? null
                : operation.getResponses().get(status);
        if (response != null && response.getContent() == null) {
            response.content(new Content().addMediaType(javax.ws.rs.core.MediaType.APPLICATION_JSON,
                    new MediaType().schema(record)));
        }
    }

    /** Who may call each operation of the resources, as the API enforces it. */
    private static Map<Endpoint, Access> needed(Collection<Class<?>> resources, ResourceAccess access) {
        Map<Endpoint, Access> needed = new HashMap<>();
        for (Class<?> resource : resources) {
            for (Endpoint endpoint : Endpoint.of(resource)) {
                needed.putIfAbsent(endpoint, access.of(resource, endpoint.method(), endpoint.template()));
            }
        }
        return needed;
    }

    private static PathItem complete(String path, PathItem item, Map<Endpoint, Access> needed) {
        item.readOperationsMap().forEach((method, operation) -> complete(path, method, operation,
                needed.getOrDefault(new Endpoint(method.name(), path), Access.ADMIN_ONLY)));
        return item;
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation, Access access) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponse fallback = responses.remove("default");
        if (fallback != null && responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
            responses.addApiResponse(method == PathItem.HttpMethod.DELETE ? "204" : "200",
                    fallback.description("OK"));
        }
        Schema<?> answered = jsonSchemaOf(responses.get("200"));
        if (method == PathItem.HttpMethod.GET && answered != null && answered.get$ref() != null
                && answered.get$ref().startsWith(Components.COMPONENTS_SCHEMAS_REF + PAGE)) {
            addPaging(operation);
        }
        if (method == PathItem.HttpMethod.PATCH && operation.getRequestBody() != null && answered != null) {
            // a PATCH body is a JSON merge patch of what the resource answers: any subset of its fields
            operation.getRequestBody().description("A JSON merge patch (RFC 7396) of the record: the fields to change")
                    .getContent().values().forEach(media -> media.setSchema(answered));
        }
        boolean open = access.open();
        if (open) {
            operation.setSecurity(List.of()); // no credentials needed
        } else {
            operation.addExtension(ROLES, access.roles());
            String roles = "Needs " + Access.named(access.roles()) + ".";
            operation.setDescription(operation.getDescription() == null || operation.getDescription().isBlank()
                    ? roles : operation.getDescription() + "\n\n" + roles);
        }
        for (ProblemStatus status : ProblemStatus.values()) {
            if (status.applies(path, method, operation, open)) {
                responses.putIfAbsent(status.code, new ApiResponse().$ref("#/components/responses/" + status.key));
            }
        }
        operation.setResponses(sorted(responses));
    }

    private static Schema<?> jsonSchemaOf(ApiResponse response) {
        if (response == null || response.getContent() == null) {
            return null;
        }
        MediaType json = response.getContent().get(javax.ws.rs.core.MediaType.APPLICATION_JSON);
        return json == null ? null : json.getSchema();
    }

    /** Every list takes the paging of the house rules (QueryParameters.forList). */
    private static void addPaging(Operation operation) {
        operation.addParametersItem(query("offset", "how many items to pass over", new IntegerSchema()._default(0)
                .minimum(BigDecimal.ZERO)));
        operation.addParametersItem(query("limit", "how many items at most (default 50, at most 500)",
                new IntegerSchema()._default(50).minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(500))));
        operation.addParametersItem(query("sort", "fields to sort by, comma-separated; - before a field for "
                + "descending, e.g. name,-code", new StringSchema()));
    }

    private static Parameter query(String name, String description, Schema<?> schema) {
        return new Parameter().in("query").name(name).description(description).schema(schema);
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        return sorted;
    }

    /** The errors the house rules give, and to which operations. */
    enum ProblemStatus {
        BAD_REQUEST("400", "BadRequest",
                "Invalid input: a body, parameter or header breaks a rule (each named in errors)"),
        UNAUTHORIZED("401", "Unauthorized",
                "No or wrong credentials (HTTP Basic), or a default password used from another machine"),
        FORBIDDEN("403", "Forbidden", "The user has none of the roles this operation needs (x-opportune-roles), or "
                + "the service refuses this user the change (e.g. a salesperson naming another salesperson); "
                + "the detail names the roles that would allow it"),
        NOT_FOUND("404", "NotFound", "Nothing is at this path"),
        CONFLICT("409", "Conflict",
                "The domain refuses the change in the current state (rule and rules name the refusing rules)"),
        PRECONDITION_FAILED("412", "PreconditionFailed", "If-Match names an older version: read again and retry"),
        PAYLOAD_TOO_LARGE("413", "PayloadTooLarge", "The body is over 1 MiB"),
        UNSUPPORTED_MEDIA_TYPE("415", "UnsupportedMediaType", "The body is not JSON"),
        SERVICE_UNAVAILABLE("503", "ServiceUnavailable",
                "A module or probability model is not running, the database is busy, or the node is still "
                        + "starting (then with Retry-After): retry");

        final String code;
        /** Its name under components/responses. */
        final String key;
        final String description;

        ProblemStatus(String code, String key, String description) {
            this.code = code;
            this.key = key;
            this.description = description;
        }

        boolean applies(String path, PathItem.HttpMethod method, Operation operation, boolean open) {
            boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                    && method != PathItem.HttpMethod.OPTIONS;
            return switch (this) {
                case SERVICE_UNAVAILABLE -> true;
                case BAD_REQUEST, UNAUTHORIZED, FORBIDDEN -> !open;
                case NOT_FOUND -> path.contains("{");
                case CONFLICT -> writes;
                case PRECONDITION_FAILED -> takesIfMatch(operation);
                case PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE -> operation.getRequestBody() != null;
            };
        }

        private static boolean takesIfMatch(Operation operation) {
            return operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(parameter -> "header".equals(parameter.getIn())
                            && "If-Match".equalsIgnoreCase(parameter.getName()));
        }
    }
}
