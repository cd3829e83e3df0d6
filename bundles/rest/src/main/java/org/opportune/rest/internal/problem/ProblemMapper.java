package org.opportune.rest.internal.problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.opportune.rest.internal.security.BasicAuthentication;

/**
 * The one exception mapper of the application: every exception becomes an
 * {@code application/problem+json} response, as {@link Problems} translates it.
 */
@Provider
public final class ProblemMapper implements ExceptionMapper<Throwable> {
    /** Headers of a Jersey error response worth keeping, e.g. {@code Allow} on a 405. */
    private static final Set<String> KEPT_HEADERS = Set.of("allow", "www-authenticate", "retry-after");

    private final Problems problems;
    private final ProblemDocuments documents;

    @Context
    private UriInfo uriInfo;

    public ProblemMapper(Problems problems, ObjectMapper mapper) {
        this.problems = problems;
        this.documents = new ProblemDocuments(mapper);
    }

    @Override
    public Response toResponse(Throwable thrown) {
        if (thrown instanceof WebApplicationException http && http.getResponse().getStatus() < 400) {
            return http.getResponse(); // a redirect or the like, not an error
        }
        Problem problem = problems.of(thrown, instance());
        Response.ResponseBuilder response = Response.status(problem.status()).type(ProblemDocuments.PROBLEM_JSON)
                .entity(documents.bytes(problem));
        boolean challenged = false;
        if (thrown instanceof WebApplicationException http) {
            for (Map.Entry<String, List<Object>> header : http.getResponse().getHeaders().entrySet()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (KEPT_HEADERS.contains(name)) {
                    challenged |= name.equals("www-authenticate");
                    header.getValue().forEach(value -> response.header(header.getKey(), value));
                }
            }
        }
        if (problem.status() == 401 && !challenged) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, BasicAuthentication.CHALLENGE);
        }
        return response.build();
    }

    private String instance() {
        try {
            return uriInfo == null ? null : ProblemDocuments.instance(uriInfo.getRequestUri());
        } catch (RuntimeException outsideRequest) {
            return null;
        }
    }
}
