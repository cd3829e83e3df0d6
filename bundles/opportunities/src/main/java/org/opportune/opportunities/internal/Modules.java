package org.opportune.opportunities.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.opportune.api.UnavailableException;
import org.opportune.api.contact.ContactService;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.salesperson.SalespersonService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventHandler;

/**
 * What this module uses of the others, as bound right now (optionally and dynamically, so that this
 * module keeps reading and listing while another one is stopped or replaced), and where "today" and
 * the time of a change come from. A call that needs a missing module is refused with 503 naming it,
 * before anything is written.
 * One instance serves the opportunity and statistics services.
 */
@Component(service = Modules.class)
public class Modules {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ContactService contacts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SalespersonService salespeople;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SalesCycleService cycles;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile CloseOpportunityCodeService closeCodes;

    /** Null while there is none: events are then not posted. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin eventAdmin;

    /** The topics some EventHandler listens to now: an event none listens to is not built (see EventBatch). */
    private final HandlerTopics listened = new HandlerTopics();

    /** "Today", when a clock service is registered for it (tests, demo data); else the system's. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + OpportunityService.CLOCK_PROPERTY + "=*)")
    volatile Clock clock;

    @Reference(service = EventHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, updated = "updatedEventHandler")
    void addEventHandler(ServiceReference<EventHandler> handler) {
        listened.add(handler);
    }

    void updatedEventHandler(ServiceReference<EventHandler> handler) {
        listened.add(handler);
    }

    void removeEventHandler(ServiceReference<EventHandler> handler) {
        listened.remove(handler);
    }

    /** The events of one request or run, by {@code userName}; only those some handler listens to are made. */
    EventBatch events(String userName) {
        return new EventBatch(userName, listened::listened);
    }

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
