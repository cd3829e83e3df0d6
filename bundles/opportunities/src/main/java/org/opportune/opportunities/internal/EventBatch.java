package org.opportune.opportunities.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityEvents;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The events of one request, collected while its transaction runs and posted only after it
 * committed, in the order they happened; a request that fails posts none. Every event names the
 * caller who made the change.
 */
final class EventBatch {
    private static final System.Logger LOG = System.getLogger(EventBatch.class.getName());

    private final List<Event> events = new ArrayList<>();
    private final String userName;
    private final Predicate<String> listened;

    /**
     * @param userName who makes the changes of this request
     * @param listened whether some handler listens to a topic: the events of other topics are not made
     */
    EventBatch(String userName, Predicate<String> listened) {
        this.userName = userName;
        this.listened = listened;
    }

    void created(Opportunity opportunity) {
        add(OpportunityEvents.CREATED, opportunity, OpportunityEvents.ACTION_CREATE, null);
    }

    void updated(Opportunity opportunity, String action) {
        add(OpportunityEvents.UPDATED, opportunity, action, null);
    }

    void stageChanged(Opportunity opportunity, OpportunityEntry entry, String action) {
        add(OpportunityEvents.STAGE_CHANGED, opportunity, action, entry);
    }

    void closed(Opportunity opportunity, OpportunityEntry entry) {
        add(OpportunityEvents.CLOSED, opportunity, OpportunityEvents.ACTION_CLOSE, entry);
    }

    void deleted(Opportunity opportunity) {
        if (!listened.test(OpportunityEvents.DELETED)) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        parties(properties, opportunity, OpportunityEvents.ACTION_DELETE);
        events.add(new Event(OpportunityEvents.DELETED, properties));
    }

    /**
     * A stage visit noticed stale (DOMAIN §11): the opportunity's usual properties and values, the visit's entry and
     * date of change, its days idle and the stage's limit.
     */
    void stale(Opportunity opportunity, long entryNo, LocalDate dateOfChange, int daysIdle, int maxDaysIdle) {
        // always made: its visit is claimed (once for every node), so it must be told whoever listens now
        Map<String, Object> properties = properties(opportunity, null, null);
        put(properties, OpportunityEvents.ENTRY_NO, entryNo);
        put(properties, OpportunityEvents.DATE_OF_CHANGE, dateOfChange);
        put(properties, OpportunityEvents.DAYS_IDLE, daysIdle);
        put(properties, OpportunityEvents.MAX_DAYS_IDLE, maxDaysIdle);
        events.add(new Event(OpportunityEvents.STALE, properties));
    }

    /** Posts asynchronously; the change is committed, so a failing EventAdmin must not fail the request. */
    void post(EventAdmin eventAdmin) {
        if (eventAdmin == null) {
            return;
        }
        for (Event event : events) {
            try {
                eventAdmin.postEvent(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not post " + event.getTopic() + " of opportunity "
                        + event.getProperty(OpportunityEvents.OPPORTUNITY_NO), e);
            }
        }
    }

    private void add(String topic, Opportunity opportunity, String action, OpportunityEntry entry) {
        if (!listened.test(topic)) {
            return;
        }
        events.add(new Event(topic, properties(opportunity, action, entry)));
    }

    private Map<String, Object> properties(Opportunity opportunity, String action, OpportunityEntry entry) {
        Map<String, Object> properties = new LinkedHashMap<>();
        parties(properties, opportunity, action);
        if (entry != null) {
            put(properties, OpportunityEvents.ACTION_TAKEN, entry.actionTaken().name());
            put(properties, OpportunityEvents.ENTRY_NO, entry.entryNo());
            put(properties, OpportunityEvents.FROM_STAGE, entry.previousStage());
            put(properties, OpportunityEvents.TO_STAGE, entry.stage());
            put(properties, OpportunityEvents.DATE_OF_CHANGE, entry.dateOfChange());
        }
        put(properties, OpportunityEvents.ESTIMATED_VALUE, opportunity.estimatedValue());
        put(properties, OpportunityEvents.CALCULATED_CURRENT_VALUE, opportunity.calculatedCurrentValue());
        put(properties, OpportunityEvents.PROBABILITY_PERCENT, opportunity.probabilityPercent());
        put(properties, OpportunityEvents.CHANCES_OF_SUCCESS_PERCENT, opportunity.chancesOfSuccessPercent());
        put(properties, OpportunityEvents.COMPLETED_PERCENT, opportunity.completedPercent());
        put(properties, OpportunityEvents.ESTIMATED_CLOSE_DATE, opportunity.estimatedCloseDate());
        put(properties, OpportunityEvents.CLOSE_CODE, opportunity.closeCode());
        put(properties, OpportunityEvents.DATE_CLOSED, opportunity.dateClosed());
        return properties;
    }

    private void parties(Map<String, Object> properties, Opportunity opportunity, String action) {
        put(properties, OpportunityEvents.OPPORTUNITY_NO, opportunity.no());
        put(properties, OpportunityEvents.ACTION, action);
        put(properties, OpportunityEvents.STATUS, opportunity.status().name());
        put(properties, OpportunityEvents.VERSION, opportunity.version());
        put(properties, OpportunityEvents.SALESPERSON_CODE, opportunity.salespersonCode());
        put(properties, OpportunityEvents.SALES_CYCLE_CODE, opportunity.salesCycleCode());
        put(properties, OpportunityEvents.CONTACT_NO, opportunity.contactNo());
        put(properties, OpportunityEvents.CONTACT_COMPANY_NO, opportunity.contactCompanyNo());
        put(properties, OpportunityEvents.USER_NAME, userName);
    }

    /** Leaves out what has no value; dates as ISO text, so that any listener can read them. */
    private static void put(Map<String, Object> properties, String name, Object value) {
        if (value != null) {
            properties.put(name, value instanceof LocalDate date ? date.toString() : value);
        }
    }
}
