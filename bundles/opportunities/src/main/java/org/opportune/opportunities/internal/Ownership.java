package org.opportune.opportunities.internal;

import org.opportune.api.AccessDeniedException;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.CallerContext;
import org.opportune.api.caller.Roles;

/**
 * Who owns which opportunities (DOMAIN §12), resolved from the caller bound now. Callers call it once per service
 * call and pass the result down: a manager, an admin, a viewer or the server cost nothing; a salesperson costs one
 * look-up of its own salesperson by user name (indexed), never cached across calls, because the link may change
 * at any time.
 */
final class Ownership {

    private final Modules modules;
    private final CallerContext callers;

    Ownership(Modules modules, CallerContext callers) {
        this.modules = modules;
        this.callers = callers;
    }

    /** @return the opportunities the caller reads: all, its own salesperson's, or none (no Opportune role) */
    Scope reads() {
        Caller caller = callers.current();
        if (caller.readsEverything()) {
            return Scope.EVERYTHING;
        }
        return caller.ownRecordsOnly() ? own(caller) : Scope.NOTHING;
    }

    /**
     * @return what the caller may change
     * @throws AccessDeniedException the caller has no role that changes opportunities (a viewer, no role)
     */
    WriteAccess writes() {
        Caller caller = callers.current();
        if (caller.changesEverything()) {
            return new WriteAccess(caller, Scope.EVERYTHING);
        }
        if (!caller.hasRole(Roles.SALESPERSON)) {
            throw new AccessDeniedException("changing opportunities needs one of the roles " + String.join(", ", Roles.SELLING)
                    + ", which " + caller.userName() + " does not have", Roles.SELLING);
        }
        return new WriteAccess(caller, own(caller));
    }

    /** The caller's own salesperson's opportunities: none when its user name is linked to no salesperson. */
    private Scope own(Caller caller) {
        return modules.salespeople().findByUserName(caller.userName())
                .map(salesperson -> Scope.ofSalesperson(salesperson.code())).orElse(Scope.NOTHING);
    }
}
