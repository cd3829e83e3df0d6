package org.opportune.rest.internal.whiteboard;

import java.util.Collection;

import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.opportune.rest.internal.http.BodySizeLimit;
import org.opportune.rest.internal.http.Cors;
import org.opportune.rest.internal.http.ETags;
import org.opportune.rest.internal.http.SecurityHeaders;
import org.opportune.rest.internal.json.JsonBodies;
import org.opportune.rest.internal.json.ObjectMapperResolver;
import org.opportune.rest.internal.problem.ProblemBodies;
import org.opportune.rest.internal.problem.ProblemMapper;
import org.opportune.rest.internal.problem.Problems;
import org.opportune.rest.internal.security.Authorization;
import org.opportune.rest.internal.security.BasicAuthentication;
import org.opportune.rest.internal.security.ResourceAccess;

/**
 * Builds the Jersey application: the whiteboard's resources and extensions as singletons, plus the
 * house rules every resource gets (CORS, 503 while starting, authentication, each endpoint's roles, body limit,
 * our JSON,
 * problem+json errors, security headers, the ETag of a single record).
 * The house providers are new for every build: they hold request-scoped injections, and requests
 * still running on the previous application must keep theirs.
 */
public final class RestApplication {
    private final ObjectMapper mapper;
    private final Problems problems = new Problems();

    public RestApplication(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @param access who may call what of these resources */
    public ResourceConfig build(Collection<?> resources, Collection<?> extensions, ContainerRequestFilter authentication,
                                Cors cors, ResourceAccess access) {
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("opportune-rest");
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        // only what is registered here: nothing found on the class path or in other bundles
        config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(CommonProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        // keep our problem body on errors (sendError would let Jetty write its own page)
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        // a failure while writing a response goes through the exception mapper too
        config.property(ServerProperties.PROCESSING_RESPONSE_ERRORS_ENABLED, true);

        // application/json is JsonBodies' (exact, so chosen before Jackson's provider); other JSON types Jackson's
        config.register(new JsonBodies(mapper));
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(new ObjectMapperResolver(mapper));
        config.register(new ProblemMapper(problems, mapper));
        config.register(new ProblemBodies(problems, mapper));
        config.register(cors);
        config.register(new StartingGate(resources.stream().anyMatch(RestApplication::isPublic)));
        config.register(authentication);
        config.register(new Authorization(access));
        config.register(new SecurityHeaders());
        config.register(new ETags());
        config.register(new BodySizeLimit(BodySizeLimit.MAX_BYTES));
        resources.forEach(config::register);
        extensions.forEach(config::register);
        return config;
    }

    /** A resource at a path everyone may ask, {@code /health}. */
    private static boolean isPublic(Object resource) {
        Path path = resource.getClass().getAnnotation(Path.class);
        return path != null && BasicAuthentication.isPublic(path.value().replaceFirst("^/", ""));
    }
}
