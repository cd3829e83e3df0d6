package org.opportune.rest.internal.security;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

/** The JAX-RS view of an authenticated user, for resources that want to know who asks. */
final class UserSecurityContext implements SecurityContext {
    private final AuthenticatedUser user;
    private final boolean secure;

    UserSecurityContext(AuthenticatedUser user, boolean secure) {
        this.user = user;
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return user::name;
    }

    @Override
    public boolean isUserInRole(String role) {
        return user.hasRole(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return SecurityContext.BASIC_AUTH;
    }
}
