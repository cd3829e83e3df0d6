package org.opportune.rest.internal.security;

import java.util.Optional;

import javax.ws.rs.NotAuthorizedException;

/**
 * What the credentials of a request prove, found once, before Jersey runs the request, so that the user can be
 * bound as the caller around all of its processing: nobody (no credentials sent), a user of the realm, or a
 * refusal that {@link BasicAuthentication} answers with when the path needs credentials (a 401, or a 503 when
 * the realm cannot be asked).
 *
 * @param user    the user the realm knows, null for nobody and for a refusal
 * @param refusal why the credentials are refused, null for a user and for nobody
 */
public record Login(AuthenticatedUser user, RuntimeException refusal) {
    /** No credentials were sent. */
    public static final Login NONE = new Login(null, null);

    public static Login of(AuthenticatedUser user) {
        return new Login(user, null);
    }

    public static Login refused(RuntimeException refusal) {
        return new Login(null, refusal);
    }

    /** @return the user the credentials name, empty for nobody and for a refusal */
    public Optional<AuthenticatedUser> authenticated() {
        return Optional.ofNullable(user);
    }

    /**
     * @return the user
     * @throws RuntimeException the refusal, or a 401 asking for credentials when none were sent
     */
    AuthenticatedUser required() {
        if (refusal != null) {
            throw refusal;
        }
        if (user == null) {
            throw new NotAuthorizedException("credentials are required (HTTP Basic)", BasicAuthentication.CHALLENGE);
        }
        return user;
    }
}
