package org.opportune.persistence;

import java.util.List;

import org.opportune.api.AccessDeniedException;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.Roles;

/**
 * What only an {@code opportune-admin} (or the server itself) may do: change the setup (salespeople, sales cycles,
 * close codes) and read the audit log. The services check it too, not only the front doors, because the shell and
 * extension code call them directly.
 */
public final class AdminOnly {
    private AdminOnly() {
    }

    /** @return whether {@code caller} is the server or has the {@link Roles#OPPORTUNE_ADMIN} role */
    public static boolean allows(Caller caller) {
        return caller.isSystem() || caller.hasRole(Roles.OPPORTUNE_ADMIN);
    }

    /**
     * @param what what the caller asked for, e.g. {@code changing salespeople}
     * @throws AccessDeniedException the caller is neither the server nor an {@code opportune-admin}
     */
    public static void require(Caller caller, String what) {
        if (!allows(caller)) {
            throw new AccessDeniedException(what + " needs the " + Roles.OPPORTUNE_ADMIN + " role, which "
                    + caller.userName() + " does not have", List.of(Roles.OPPORTUNE_ADMIN));
        }
    }
}
