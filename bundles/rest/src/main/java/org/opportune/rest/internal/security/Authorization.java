package org.opportune.rest.internal.security;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.annotation.Priority;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.SecurityContext;

import org.opportune.api.AccessDeniedException;

/**
 * Lets a request reach its resource method only when its user has a role the endpoint allows
 * ({@link ResourceAccess}): else 403, naming the roles. Runs after matching, so it knows the endpoint, and after
 * {@link BasicAuthentication}, so that missing or wrong credentials are a 401 first. Jersey's own answer to
 * {@code OPTIONS} (the Allow header) needs no more than authentication.
 */
@Priority(Priorities.AUTHORIZATION)
public final class Authorization implements ContainerRequestFilter {
    private final ResourceAccess access;
    /** What each endpoint needs, worked out from its annotations once: the application is fixed while it serves. */
    private final Map<Reached, Access> needs = new ConcurrentHashMap<>();

    @Context
    private ResourceInfo resource;

    public Authorization(ResourceAccess access) {
        this.access = access;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method javaMethod = resource == null ? null : resource.getResourceMethod();
        if (HttpMethod.OPTIONS.equals(method) && !declaresOptions(javaMethod)) {
            return; // Jersey's own answer, the Allow header: nothing a user of the API may not know
        }
        Access needed = type == null || javaMethod == null ? Access.ADMIN_ONLY
                : needs.computeIfAbsent(new Reached(type, javaMethod, method),
                        reached -> access.of(reached.type(), reached.javaMethod(), reached.httpMethod()));
        SecurityContext security = request.getSecurityContext();
        if (needed.allows(security)) {
            return;
        }
        if (security == null || security.getUserPrincipal() == null) {
            throw new NotAuthorizedException("credentials are required (HTTP Basic)", BasicAuthentication.CHALLENGE);
        }
        throw new AccessDeniedException("user " + security.getUserPrincipal().getName() + " may not " + method + " /"
                + request.getUriInfo().getPath(), needed.roles());
    }

    /** A resource method as one HTTP method reaches it. */
    private record Reached(Class<?> type, Method javaMethod, String httpMethod) {
    }

    /** Whether a resource answers OPTIONS itself, rather than Jersey for it. */
    private static boolean declaresOptions(Method javaMethod) {
        return javaMethod != null && Endpoint.httpMethod(javaMethod).filter(HttpMethod.OPTIONS::equals).isPresent();
    }
}
