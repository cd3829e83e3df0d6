package org.opportune.rest.internal.security;

import java.util.Optional;
import java.util.Set;

import javax.annotation.Priority;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

/**
 * HTTP Basic on every path but {@code /health}: no or wrong credentials are a 401 with a Basic
 * challenge, a user without the required role a 403. Runs before matching, so that a stranger
 * cannot even learn which paths exist. The realm learns the client's address (the servlet puts it in
 * {@value #CLIENT_ADDRESS}): it may refuse a password from one address that it takes from another.
 * <p>
 * The servlet checks the credentials ({@link #login}) before Jersey runs the request, to bind its user as the
 * caller around all of it, and leaves the {@link Login} in {@value #LOGIN}; this filter answers from it, and
 * checks the credentials itself only when no servlet did.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BasicAuthentication implements ContainerRequestFilter {
    public static final String CHALLENGE = "Basic realm=\"opportune\"";
    /** The request property with the client's IP address, the TCP peer of the connection. */
    public static final String CLIENT_ADDRESS = "org.opportune.rest.clientAddress";
    /** The request property with the {@link Login} of the request's credentials, when the servlet found it. */
    public static final String LOGIN = "org.opportune.rest.login";

    private static final Set<String> PUBLIC_PATHS = Set.of("health", "health/");

    private final Authenticator authenticator;
    private final LoginCache cache;
    private final String requiredRole;

    public BasicAuthentication(Authenticator authenticator, LoginCache cache, String requiredRole) {
        this.authenticator = authenticator;
        this.cache = cache;
        this.requiredRole = requiredRole;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isPublic(request.getUriInfo().getPath())) {
            return;
        }
        Login login = request.getProperty(LOGIN) instanceof Login found ? found
                : login(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                        (String) request.getProperty(CLIENT_ADDRESS));
        AuthenticatedUser user = login.required();
        if (!user.hasRole(requiredRole)) {
            throw new ForbiddenException("user " + user.name() + " does not have the role " + requiredRole
                    + " this API requires");
        }
        SecurityContext previous = request.getSecurityContext();
        request.setSecurityContext(new UserSecurityContext(user, previous != null && previous.isSecure()));
    }

    /** @param path a request's path relative to the API base, as {@code UriInfo.getPath()} gives it */
    public static boolean isPublic(String path) {
        return PUBLIC_PATHS.contains(path);
    }

    /**
     * Checks the credentials of a request against the realm (or the logins remembered); never throws, a refusal
     * is part of the answer.
     *
     * @param authorization the Authorization header, null when there is none
     * @param client        the client's IP address, null when unknown
     */
    public Login login(String authorization, String client) {
        if (authorization == null || authorization.isBlank()) {
            return Login.NONE;
        }
        try {
            return Login.of(cache.get(client, authorization).orElseGet(() -> loggedIn(client, authorization)));
        } catch (RuntimeException refusal) { // a 401, a realm that cannot be asked, or worse: answered in Jersey
            return Login.refused(refusal);
        }
    }

    private AuthenticatedUser loggedIn(String client, String authorization) {
        BasicCredentials credentials = BasicCredentials.parse(authorization)
                .orElseThrow(() -> unauthorized("the Authorization header is not valid HTTP Basic credentials"));
        Optional<AuthenticatedUser> user;
        try {
            user = authenticator.authenticate(credentials.user(), credentials.password(), client);
        } catch (PasswordChangeRequiredException e) {
            throw unauthorized(e.getMessage());
        }
        AuthenticatedUser known = user.orElseThrow(() -> unauthorized("the user name or password is wrong"));
        cache.put(client, authorization, known);
        return known;
    }

    private static NotAuthorizedException unauthorized(String detail) {
        return new NotAuthorizedException(detail, CHALLENGE);
    }
}
