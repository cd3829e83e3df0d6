package org.opportune.rest.internal.security;

/**
 * The realm knows the password but will not take it from this client until it is changed (JAAS's
 * {@code CredentialExpiredException}): Opportune's login safety says so for the shipped default password from
 * another machine. The message tells the client how to set a password.
 */
public final class PasswordChangeRequiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PasswordChangeRequiredException(String message) {
        super(message);
    }
}
