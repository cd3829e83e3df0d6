package org.opportune.rest.internal.security;

import java.util.Set;

/** Who a request comes from, and the roles the realm gave that user. */
public record AuthenticatedUser(String name, Set<String> roles) {
    public AuthenticatedUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
