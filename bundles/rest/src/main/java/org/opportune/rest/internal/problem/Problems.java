package org.opportune.rest.internal.problem;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.ProcessingException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;

import org.opportune.api.AccessDeniedException;
import org.opportune.api.ConflictException;
import org.opportune.api.NotFoundException;
import org.opportune.api.OpportuneException;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
import org.opportune.api.ValidationException;
import org.opportune.rest.internal.http.PayloadTooLargeException;
import org.opportune.rest.internal.security.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one translation of everything that can go wrong into a problem document: domain refusals,
 * Jackson's binding errors, Jersey's HTTP errors and, as a last resort, a 500 that tells the client
 * an incident number and the log the stack trace.
 */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    /**
     * @param thrown   what went wrong
     * @param instance the path of the request, e.g. {@code /api/v1/salespeople/JO}
     */
    public Problem of(Throwable thrown, String instance) {
        Throwable cause = unwrapped(thrown);
        PayloadTooLargeException tooLarge = causeOfType(cause, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return Problem.of(ProblemKind.PAYLOAD_TOO_LARGE, tooLarge.getMessage() + " (1 MiB)", instance, List.of());
        }
        OpportuneException refusal = causeOfType(cause, OpportuneException.class);
        if (refusal != null) { // also when a record's constructor refused a value while Jackson bound it
            return domain(refusal, instance);
        }
        if (cause instanceof JsonProcessingException json && !(cause instanceof InvalidDefinitionException)) {
            return JsonProblems.of(json, instance);
        }
        if (cause instanceof WebApplicationException http) {
            return http(http, instance);
        }
        return unexpected(thrown, instance);
    }

    private static Problem domain(OpportuneException e, String instance) {
        if (e instanceof ValidationException) {
            return Problem.of(ProblemKind.VALIDATION, e.getMessage(), instance, e.errors());
        }
        if (e instanceof AccessDeniedException denied) {
            return Problem.of(ProblemKind.FORBIDDEN, forbidden(denied), instance, e.errors());
        }
        if (e instanceof NotFoundException) {
            return Problem.of(ProblemKind.NOT_FOUND, e.getMessage(), instance, e.errors());
        }
        if (e instanceof ConflictException conflict) {
            return Problem.of(ProblemKind.CONFLICT, e.getMessage(), instance, e.errors()).withRules(conflict.rules());
        }
        if (e instanceof StaleVersionException) {
            return Problem.of(ProblemKind.PRECONDITION_FAILED, e.getMessage(), instance, e.errors());
        }
        if (e instanceof UnavailableException) {
            return Problem.of(ProblemKind.UNAVAILABLE, e.getMessage(), instance, e.errors());
        }
        LOG.warn("a refusal of a kind this front door does not know, answered as 400: {}", e.getClass().getName());
        return Problem.of(ProblemKind.VALIDATION, e.getMessage(), instance, e.errors());
    }

    /** The refusal and the roles that would allow it, e.g. {@code ...; it needs the role opportune-admin}. */
    private static String forbidden(AccessDeniedException e) {
        List<String> roles = e.requiredRoles();
        return roles.isEmpty() ? e.getMessage() : e.getMessage() + "; it needs " + Access.named(roles);
    }

    private static Problem http(WebApplicationException e, String instance) {
        Response response = e.getResponse();
        int status = response.getStatus();
        if (status == ProblemKind.INTERNAL_ERROR.status()) {
            return unexpected(e, instance);
        }
        ProblemKind kind = ProblemKind.ofStatus(status);
        String message = e.getMessage();
        boolean jerseyDefault = message == null || message.startsWith("HTTP " + status);
        return Problem.of(kind, jerseyDefault ? standardDetail(kind, response, instance) : message, instance,
                List.of());
    }

    private static String standardDetail(ProblemKind kind, Response response, String instance) {
        return switch (kind.status()) {
            case 400 -> "the request is not valid";
            case 401 -> "credentials are required (HTTP Basic)";
            case 404 -> "there is no resource at " + instance;
            case 405 -> allowed(response.getAllowedMethods());
            case 406 -> "none of the media types in the Accept header can be produced; this API answers "
                    + "application/json";
            case 415 -> "the body must be JSON: send Content-Type application/json "
                    + "(PATCH also takes application/merge-patch+json)";
            default -> kind.title();
        };
    }

    private static String allowed(Set<String> methods) {
        return methods == null || methods.isEmpty() ? "this method is not allowed here"
                : "this method is not allowed here; allowed: " + String.join(", ", methods.stream().sorted().toList());
    }

    private static Problem unexpected(Throwable thrown, String instance) {
        String incident = UUID.randomUUID().toString();
        LOG.error("unexpected error answering {} (incident {})", instance, incident, thrown);
        return Problem.of(ProblemKind.INTERNAL_ERROR,
                "an unexpected error occurred; it has been logged as incident " + incident, instance, List.of());
    }

    /** Jersey wraps what readers and writers throw; the client's mistake is the cause. */
    private static Throwable unwrapped(Throwable thrown) {
        Throwable t = thrown;
        while (t instanceof ProcessingException && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
