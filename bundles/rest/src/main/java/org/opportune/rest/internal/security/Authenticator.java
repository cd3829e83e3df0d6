package org.opportune.rest.internal.security;

import java.util.Optional;

/** The login step: checks a user name and password against a realm. */
@FunctionalInterface
public interface Authenticator {
    /**
     * @return the user with its roles, or empty when the name or password is wrong
     * @throws org.opportune.api.UnavailableException the realm cannot be asked right now
     */
    Optional<AuthenticatedUser> authenticate(String user, char[] password);
}
