package org.opportune.rest.internal.problem;

import java.lang.annotation.Annotation;

import javax.annotation.Priority;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Priorities;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.opportune.rest.internal.security.BasicAuthentication;

/**
 * Gives a problem document to error responses that have no body: those Jersey answers without
 * asking the exception mapper (a malformed Content-Type or Accept header is a bare 400) and those
 * a resource builds from a status alone. The document comes from the same {@link Problems}.
 */
@Priority(Priorities.USER)
public final class ProblemBodies implements ContainerResponseFilter {
    private static final Annotation[] NONE = new Annotation[0];

    private final Problems problems;
    private final ProblemDocuments documents;

    public ProblemBodies(Problems problems, ObjectMapper mapper) {
        this.problems = problems;
        this.documents = new ProblemDocuments(mapper);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity() || HttpMethod.HEAD.equals(request.getMethod())) {
            return;
        }
        Problem problem = problems.of(new WebApplicationException(Response.status(status).build()),
                ProblemDocuments.instance(request.getUriInfo().getRequestUri()));
        response.setEntity(documents.bytes(problem), NONE, ProblemDocuments.PROBLEM_JSON);
        if (status == 401 && response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE) == null) {
            response.getHeaders().add(HttpHeaders.WWW_AUTHENTICATE, BasicAuthentication.CHALLENGE);
        }
    }
}
