package org.opportune.tasks.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.opportune.api.UnavailableException;
import org.opportune.api.contact.ContactService;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.salesperson.SalespersonService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * What this module uses of the others, as bound right now (optionally and dynamically: tasks are read, listed and
 * changed while another module is stopped), and where "today" and the time of a change come from. A call that
 * needs a missing module is refused with 503 naming it, before anything is written.
 */
@Component(service = Collaborators.class)
public class Collaborators {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SalespersonService salespeople;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ContactService contacts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OpportunityService opportunities;

    /** "Today", when a clock service is registered for it (tests, demo data); else the system's. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + OpportunityService.CLOCK_PROPERTY + "=*)")
    volatile Clock clock;

    SalespersonService salespeople() {
        return available(salespeople, "salespeople");
    }

    ContactService contacts() {
        return available(contacts, "contacts");
    }

    OpportunityService opportunities() {
        return available(opportunities, "opportunities");
    }

    LocalDate today() {
        return LocalDate.now(clock());
    }

    /** Where "today" and the time of a change come from: the clock service bound now, else the system's, in UTC. */
    Clock clock() {
        Clock bound = clock;
        return bound == null ? Clock.systemUTC() : bound;
    }

    private static <S> S available(S service, String module) {
        if (service == null) {
            throw new UnavailableException("the " + module + " module is not available right now; nothing was"
                    + " changed, retry when it runs again");
        }
        return service;
    }
}
