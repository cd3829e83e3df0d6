package org.opportune.tasks.internal;

import org.opportune.api.AccessDeniedException;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.CallerContext;
import org.opportune.api.caller.Roles;
import org.opportune.api.salesperson.Salesperson;

/**
 * Who sees and changes which tasks (DOMAIN §12), resolved from the caller bound now, once per service call: an
 * admin, a manager, a viewer or the server cost nothing; a salesperson costs one look-up of its own salesperson by
 * user name, never cached across calls, because the link may change at any time.
 */
final class TaskAccess {
    private final Collaborators collaborators;
    private final CallerContext callers;

    TaskAccess(Collaborators collaborators, CallerContext callers) {
        this.collaborators = collaborators;
        this.callers = callers;
    }

    /** @return the tasks the caller reads: all, its own salesperson's, or none (no Opportune role, no link) */
    TaskScope reads() {
        Caller caller = callers.current();
        if (caller.readsEverything()) {
            return TaskScope.EVERYTHING;
        }
        return caller.ownRecordsOnly() ? own(caller) : TaskScope.NOTHING;
    }

    /**
     * @return what the caller may change
     * @throws AccessDeniedException the caller has no role that changes tasks (a viewer, no role)
     */
    TaskWriter writes() {
        Caller caller = callers.current();
        if (caller.changesEverything()) {
            return new TaskWriter(caller, TaskScope.EVERYTHING);
        }
        if (!caller.hasRole(Roles.SALESPERSON)) {
            throw new AccessDeniedException("changing tasks needs one of the roles " + String.join(", ", Roles.SELLING)
                    + ", which " + caller.userName() + " does not have", Roles.SELLING);
        }
        return new TaskWriter(caller, own(caller));
    }

    /** The caller's own salesperson's tasks: none when its user name is linked to no salesperson. */
    private TaskScope own(Caller caller) {
        return TaskScope.ofSalesperson(collaborators.salespeople().findByUserName(caller.userName())
                .map(Salesperson::code).orElse(null));
    }
}
