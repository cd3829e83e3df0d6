package org.opportune.tasks.internal;

import java.util.List;

import org.opportune.api.AccessDeniedException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.Roles;

/**
 * What the caller of one write may change (from {@link TaskAccess#writes()}): every task, or those of its own
 * salesperson. Another salesperson's task does not exist for a salesperson (404); for one that also reads everything
 * it exists and is refused (403).
 *
 * @param scope the tasks the caller may change
 */
record TaskWriter(Caller caller, TaskScope scope) {
    static final String RESOURCE = "task";

    /**
     * @throws NotFoundException     the caller may not see the task
     * @throws AccessDeniedException the caller sees it but may not change it
     */
    void checkChanges(String no, String taskSalespersonCode) {
        if (scope.covers(taskSalespersonCode)) {
            return;
        }
        if (caller.readsEverything()) {
            throw new AccessDeniedException("task " + no + " is not of your salesperson; changing it needs one of the"
                    + " roles " + String.join(", ", Roles.CHANGING_EVERYTHING), Roles.CHANGING_EVERYTHING);
        }
        throw new NotFoundException(RESOURCE, no);
    }

    /** @return whether the caller works on its own salesperson's tasks only */
    boolean ownOnly() {
        return !scope.all();
    }

    /**
     * @return the caller's own salesperson
     * @throws AccessDeniedException the caller's user name is linked to no salesperson
     */
    String ownSalesperson() {
        if (scope.salespersonCode() == null) {
            throw new AccessDeniedException("user " + caller.userName() + " is linked to no salesperson, so it has no"
                    + " tasks of its own: set the salesperson's userName to it, or ask someone with one of the roles "
                    + String.join(", ", Roles.CHANGING_EVERYTHING), Roles.CHANGING_EVERYTHING);
        }
        return scope.salespersonCode();
    }

    /**
     * @param code a normalised salesperson code the caller gives a task
     * @throws AccessDeniedException the caller works on its own tasks only and names another salesperson
     */
    void checkSalesperson(String code) {
        if (scope.all() || ownSalesperson().equals(code)) {
            return;
        }
        String message = "may name only your own salesperson " + ownSalesperson()
                + "; giving a task to another salesperson needs one of the roles "
                + String.join(", ", Roles.CHANGING_EVERYTHING);
        throw new AccessDeniedException("salespersonCode " + message, Roles.CHANGING_EVERYTHING,
                List.of(new FieldError("salespersonCode", message)));
    }
}
