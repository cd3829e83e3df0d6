package org.opportune.opportunities.internal;

import org.opportune.api.UnavailableException;
import org.opportune.api.contact.ContactService;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.salesperson.SalespersonService;
import org.osgi.service.event.EventAdmin;

/**
 * The other modules' services as bound right now (DS binds them optionally and dynamically). A call
 * that needs a missing one is refused with 503 naming the module, before anything is written.
 */
final class Modules {
    volatile ContactService contacts;
    volatile SalespersonService salespeople;
    volatile SalesCycleService cycles;
    volatile CloseOpportunityCodeService closeCodes;
    /** Null while there is none: events are then not posted. */
    volatile EventAdmin eventAdmin;

    ContactService contacts() {
        return available(contacts, "contacts");
    }

    SalespersonService salespeople() {
        return available(salespeople, "salespeople");
    }

    SalesCycleService cycles() {
        return available(cycles, "cycles");
    }

    CloseOpportunityCodeService closeCodes() {
        return available(closeCodes, "cycles");
    }

    private static <S> S available(S service, String module) {
        if (service == null) {
            throw new UnavailableException("the " + module + " module is not available right now; nothing was"
                    + " changed, retry when it runs again");
        }
        return service;
    }
}
