package org.opportune.rest.internal.security;

import java.util.Optional;

/** The login step: checks a user name and password against a realm. */
@FunctionalInterface
public interface Authenticator {
    /**
     * @param client the client's IP address (the TCP peer), null when unknown
     * @return the user with its roles, or empty when the name or password is wrong
     * @throws PasswordChangeRequiredException the password is right but may not be used from this client
     * @throws org.opportune.api.UnavailableException the realm cannot be asked right now
     */
    Optional<AuthenticatedUser> authenticate(String user, char[] password, String client);
}
