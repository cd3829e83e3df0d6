package org.opportune.rest.internal.security;

import java.util.List;

import javax.ws.rs.core.SecurityContext;

import org.opportune.api.caller.Roles;

/**
 * Who may call one endpoint: everyone without credentials ({@link #OPEN}), or a user with any of the roles.
 *
 * @param open  no credentials needed
 * @param roles the roles of which a user needs one; never empty unless open
 */
public record Access(boolean open, List<String> roles) {
    /** No credentials needed: {@code /health}. */
    public static final Access OPEN = new Access(true, List.of());
    /** What is not declared: the setup role, never nobody. */
    public static final Access ADMIN_ONLY = roles(List.of(Roles.OPPORTUNE_ADMIN));

    public Access {
        roles = List.copyOf(roles);
        if (!open && roles.isEmpty()) {
            throw new IllegalArgumentException("an endpoint that needs credentials needs at least one role");
        }
    }

    public static Access roles(List<String> roles) {
        return new Access(false, roles);
    }

    /** @return whether the request's user may call it; false for no user unless it is open */
    public boolean allows(SecurityContext security) {
        if (open) {
            return true;
        }
        return security != null && security.getUserPrincipal() != null
                && roles.stream().anyMatch(security::isUserInRole);
    }

    /** @return e.g. {@code the role opportune-admin} or {@code one of the roles opportune-admin, sales-manager} */
    public static String named(List<String> roles) {
        return roles.size() == 1 ? "the role " + roles.get(0) : "one of the roles " + String.join(", ", roles);
    }
}
