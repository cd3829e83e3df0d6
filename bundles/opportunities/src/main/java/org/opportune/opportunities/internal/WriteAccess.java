package org.opportune.opportunities.internal;

import static org.opportune.api.Codes.normalise;

import java.util.List;

import org.opportune.api.AccessDeniedException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.Roles;

/**
 * What the caller of one write may change (DOMAIN §12), from {@link Ownership#writes()}: every opportunity, or
 * those of its own salesperson. Another salesperson's opportunity does not exist for a salesperson (404); for one
 * that also reads everything (a viewer too) it exists and is refused (403).
 *
 * @param scope the opportunities the caller may change
 */
record WriteAccess(Caller caller, Scope scope) {
    private static final String RESOURCE = "opportunity";

    /**
     * @param no                         the opportunity's number
     * @param opportunitySalespersonCode the salesperson it names now
     * @throws NotFoundException     the caller may not see it
     * @throws AccessDeniedException the caller sees it but may not change it
     */
    void checkChanges(String no, String opportunitySalespersonCode) {
        if (scope.covers(opportunitySalespersonCode)) {
            return;
        }
        if (caller.readsEverything()) {
            throw new AccessDeniedException("opportunity " + no + " is not of your salesperson; changing it needs one of"
                    + " the roles " + String.join(", ", Roles.CHANGING_EVERYTHING), Roles.CHANGING_EVERYTHING);
        }
        throw new NotFoundException(RESOURCE, no);
    }

    /**
     * @param given the salesperson code the caller gave a new opportunity, null for none
     * @return the code to give it: as given for a caller changing everything (null then defaults to the contact's);
     *         else the caller's own salesperson, also when none was given
     * @throws AccessDeniedException the caller names another salesperson, or is linked to none
     */
    String salespersonOfNew(String given) {
        if (scope.all()) {
            return given;
        }
        String own = ownSalesperson();
        return normalise(given) == null ? own : checkedSalesperson(given);
    }

    /**
     * @param given the salesperson code a change gives the opportunity (checked to be given)
     * @throws AccessDeniedException it is not the caller's own salesperson
     */
    String checkedSalesperson(String given) {
        if (scope.all()) {
            return given;
        }
        String own = ownSalesperson();
        if (!own.equals(normalise(given))) {
            String message = "may name only your own salesperson " + own
                    + "; giving an opportunity to another salesperson needs one of the roles "
                    + String.join(", ", Roles.CHANGING_EVERYTHING);
            throw new AccessDeniedException("salespersonCode " + message, Roles.CHANGING_EVERYTHING,
                    List.of(new FieldError("salespersonCode", message)));
        }
        return own;
    }

    /** Only a caller changing everything deletes; a salesperson's own opportunity is refused, another's is missing. */
    void checkDelete(String no, String opportunitySalespersonCode) {
        if (scope.all()) {
            return;
        }
        checkChanges(no, opportunitySalespersonCode);
        throw new AccessDeniedException("deleting opportunity " + no + " needs one of the roles "
                + String.join(", ", Roles.CHANGING_EVERYTHING) + ", which " + caller.userName() + " does not have",
                Roles.CHANGING_EVERYTHING);
    }

    private String ownSalesperson() {
        if (scope.salespersonCode() == null) {
            throw new AccessDeniedException("user " + caller.userName() + " is linked to no salesperson: set the"
                    + " salesperson's userName to it, or ask someone with one of the roles "
                    + String.join(", ", Roles.CHANGING_EVERYTHING), Roles.CHANGING_EVERYTHING);
        }
        return scope.salespersonCode();
    }
}
