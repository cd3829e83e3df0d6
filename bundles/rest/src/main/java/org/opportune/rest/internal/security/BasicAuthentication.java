package org.opportune.rest.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import javax.annotation.Priority;
import javax.ws.rs.ClientErrorException;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opportune.api.caller.Roles;

/**
 * HTTP Basic on every path but {@code /health}: no or wrong credentials are a 401 with a Basic
 * challenge, a user with none of Opportune's roles a 403 (each endpoint's own roles: {@link Authorization}). Runs before matching, so that a stranger
 * cannot even learn which paths exist. The realm learns the client's address (the servlet puts it in
 * {@value #CLIENT_ADDRESS}): it may refuse a password from one address that it takes from another.
 * <p>
 * The servlet checks the credentials ({@link #login}) before Jersey runs the request, to bind its user as the
 * caller around all of it, and leaves the {@link Login} in {@value #LOGIN}; this filter answers from it, and
 * checks the credentials itself only when no servlet did.
 * <p>
 * Before the realm is asked: credentials over plain HTTP from another machine are refused (403) when HTTPS is
 * required for remote clients, and a user name with too many failed logins is answered 429 with Retry-After
 * ({@link LoginThrottle}), even for the right password: nothing is guessed while it is blocked.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BasicAuthentication implements ContainerRequestFilter {
    public static final String CHALLENGE = "Basic realm=\"opportune\"";
    /** The request property with the client's IP address, the TCP peer of the connection. */
    public static final String CLIENT_ADDRESS = "org.opportune.rest.clientAddress";
    /** The request property with the {@link Login} of the request's credentials, when the servlet found it. */
    public static final String LOGIN = "org.opportune.rest.login";

    /** The detail of the 403 for credentials over plain HTTP from another machine. */
    public static final String HTTPS_REQUIRED = "credentials are only accepted over HTTPS from other machines; use "
            + "https:// and the server's HTTPS port (e.g. https://host:8443/api/v1) instead of http://";
    private static final int TOO_MANY_REQUESTS = 429;

    private static final Set<String> PUBLIC_PATHS = Set.of("health", "health/");

    private final Authenticator authenticator;
    private final LoginCache cache;
    private final LoginThrottle throttle;
    private final boolean httpsForRemoteClients;

    /** Throttled logins, taken over plain HTTP from anywhere. */
    public BasicAuthentication(Authenticator authenticator, LoginCache cache) {
        this(authenticator, cache, new LoginThrottle(Clock.systemUTC()), false);
    }

    /**
     * @param throttle              counts each user name's failed logins and blocks the name for a while
     * @param httpsForRemoteClients whether credentials over plain HTTP are refused (403) from any client but this
     *                              machine's loopback
     */
    public BasicAuthentication(Authenticator authenticator, LoginCache cache, LoginThrottle throttle,
            boolean httpsForRemoteClients) {
        this.authenticator = authenticator;
        this.cache = cache;
        this.throttle = throttle;
        this.httpsForRemoteClients = httpsForRemoteClients;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isPublic(request.getUriInfo().getPath())) {
            return;
        }
        SecurityContext previous = request.getSecurityContext();
        boolean secure = previous != null && previous.isSecure();
        Login login = request.getProperty(LOGIN) instanceof Login found ? found
                : login(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                        (String) request.getProperty(CLIENT_ADDRESS), secure);
        AuthenticatedUser user = login.required();
        if (Roles.ALL.stream().noneMatch(user::hasRole)) { // each endpoint's own roles: Authorization
            throw new ForbiddenException("user " + user.name() + " has none of Opportune's roles; it needs "
                    + Access.named(Roles.ALL));
        }
        request.setSecurityContext(new UserSecurityContext(user, secure));
    }

    /** @param path a request's path relative to the API base, as {@code UriInfo.getPath()} gives it */
    public static boolean isPublic(String path) {
        return PUBLIC_PATHS.contains(path);
    }

    /**
     * Checks the credentials of a request against the realm (or the logins remembered); never throws, a refusal
     * is part of the answer. In this order, each before the realm is asked: credentials over plain HTTP from
     * another machine are refused (when so configured), a malformed header is a 401 that counts for no user, a
     * blocked user name is a 429 (before its password is looked at, also in the remembered logins).
     *
     * @param authorization the Authorization header, null when there is none
     * @param client        the client's IP address, null when unknown
     * @param secure        whether the request came over HTTPS
     */
    public Login login(String authorization, String client, boolean secure) {
        if (authorization == null || authorization.isBlank()) {
            return Login.NONE;
        }
        if (httpsForRemoteClients && !secure && !ClientAddresses.isLoopback(client)) {
            return Login.refused(new ForbiddenException(HTTPS_REQUIRED));
        }
        try {
            BasicCredentials credentials = BasicCredentials.parse(authorization)
                    .orElseThrow(() -> unauthorized("the Authorization header is not valid HTTP Basic credentials"));
            refuseIfBlocked(credentials.user(), throttle.blockedFor(credentials.user()));
            return Login.of(cache.get(client, authorization)
                    .orElseGet(() -> loggedIn(client, authorization, credentials)));
        } catch (RuntimeException refusal) { // a 401, a 429, a realm that cannot be asked, or worse: answered in Jersey
            return Login.refused(refusal);
        }
    }

    private AuthenticatedUser loggedIn(String client, String authorization, BasicCredentials credentials) {
        LoginThrottle.Attempt attempt = throttle.begin(credentials.user());
        refuseIfBlocked(credentials.user(), attempt.refusedFor());
        long generation = cache.generation();
        try {
            Optional<AuthenticatedUser> user = authenticator.authenticate(credentials.user(), credentials.password(),
                    client);
            if (user.isEmpty()) {
                attempt.failed(client);
                throw unauthorized("the user name or password is wrong");
            }
            attempt.succeeded();
            cache.put(client, authorization, user.get(), generation);
            return user.get();
        } catch (PasswordChangeRequiredException e) { // the password is right, not a guess: counts for nothing
            throw unauthorized(e.getMessage());
        } finally {
            attempt.ended(); // no verdict (realm unavailable, password to change); nothing once failed or succeeded
        }
    }

    private static void refuseIfBlocked(String user, Duration blockedFor) {
        if (blockedFor.isZero()) {
            return;
        }
        long seconds = Math.max(1, blockedFor.toSeconds() + (blockedFor.toNanosPart() > 0 ? 1 : 0));
        throw new ClientErrorException("too many failed logins for user " + user + "; try again in " + seconds
                + (seconds == 1 ? " second" : " seconds"),
                Response.status(TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, seconds).build());
    }

    private static NotAuthorizedException unauthorized(String detail) {
        return new NotAuthorizedException(detail, CHALLENGE);
    }
}
