package org.opportune.api.caller;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling a service: the user name and the roles of the login behind a REST request or a
 * shell session, or {@link #system()} for work the server does by itself (demo data, scheduled work).
 * Services record the user name as {@code changedBy} and will scope what a caller sees by its roles.
 */
public final class Caller {
    private static final Caller SYSTEM = new Caller("system", Set.of(), true);

    private final String userName;
    private final Set<String> roles;
    private final boolean system;

    private Caller(String userName, Set<String> roles, boolean system) {
        this.userName = userName;
        this.roles = roles;
        this.system = system;
    }

    /**
     * @param userName the login's user name, not blank
     * @param roles    the login's role names (e.g. Karaf's role principals), case-sensitive
     */
    public static Caller user(String userName, Set<String> roles) {
        if (userName == null || userName.isBlank()) {
            throw new IllegalArgumentException("a caller needs a user name");
        }
        return new Caller(userName, Set.copyOf(new TreeSet<>(roles == null ? Set.of() : roles)), false);
    }

    /** The server itself, named {@code system}: it acts on every record. */
    public static Caller system() {
        return SYSTEM;
    }

    public String userName() {
        return userName;
    }

    public Set<String> roles() {
        return roles;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** @return whether the caller sees every opportunity (and task): the server, an admin, a manager or a viewer */
    public boolean readsEverything() {
        return system || hasRole(Roles.OPPORTUNE_ADMIN) || hasRole(Roles.SALES_MANAGER)
                || hasRole(Roles.SALES_VIEWER);
    }

    /** @return whether the caller may change every opportunity, contact and task: the server, an admin, a manager */
    public boolean changesEverything() {
        return system || Roles.CHANGING_EVERYTHING.stream().anyMatch(roles::contains);
    }

    /**
     * @return whether the caller works on its own salesperson's records only: it has the {@link Roles#SALESPERSON}
     *         role and none that reads everything
     */
    public boolean ownRecordsOnly() {
        return !readsEverything() && hasRole(Roles.SALESPERSON);
    }

    /** @return whether the caller has at least one of Opportune's {@link Roles}, or is the server */
    public boolean hasAnyOpportuneRole() {
        return system || Roles.ALL.stream().anyMatch(roles::contains);
    }

    /** @return true for {@link #system()}, false for every login */
    public boolean isSystem() {
        return system;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Caller caller && caller.system == system && caller.userName.equals(userName)
                && caller.roles.equals(roles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userName, roles, system);
    }

    @Override
    public String toString() {
        return system ? "system" : userName + " " + new TreeSet<>(roles);
    }
}
