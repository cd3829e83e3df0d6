package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityChange;
import org.opportune.api.opportunity.OpportunityEvents;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.opportunity.StageUpdate;
import org.osgi.service.event.Event;

/** Every committed change is posted on EventAdmin in order; a refused one posts nothing. */
public class EventsTest extends OpportunityTestSupport {

    private Event last() {
        return eventAdmin.posted.get(eventAdmin.posted.size() - 1);
    }

    @Test
    public void aLifeCyclePostsItsEventsInOrder() {
        Opportunity opportunity = createOpportunity();
        service.update(opportunity.no(), change(opportunity, "Renamed", "CT1", "JO", "STD", OpportunityPriority.HIGH),
                null);
        service.activate(opportunity.no(), null, null);
        service.move(opportunity.no(), stageUpdate(OpportunityAction.NEXT, null, null, d("1000"), null, null),
                null);
        service.assignSalesQuote(opportunity.no(), new SalesQuote("SQ1", d("900")), null);
        service.removeSalesQuote(opportunity.no(), null);
        service.close(opportunity.no(), closing(CloseOutcome.WON, "WIN1", null, d("950")), null);
        service.delete(opportunity.no(), null);

        assertEquals(List.of(OpportunityEvents.CREATED, OpportunityEvents.UPDATED, OpportunityEvents.STAGE_CHANGED,
                OpportunityEvents.STAGE_CHANGED, OpportunityEvents.UPDATED, OpportunityEvents.UPDATED,
                OpportunityEvents.CLOSED, OpportunityEvents.DELETED), eventAdmin.topics());
        assertEquals(List.of("CREATE", "CHANGE", "ACTIVATE", "NEXT", "ASSIGN_SALES_QUOTE", "REMOVE_SALES_QUOTE",
                "CLOSE", "DELETE"), eventAdmin.posted.stream().map(e -> e.getProperty(OpportunityEvents.ACTION))
                        .toList());
    }

    @Test
    public void aMoveCarriesTheStagesAndValues() {
        Opportunity opportunity = started();
        service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        Event event = last();
        assertEquals(OpportunityEvents.STAGE_CHANGED, event.getTopic());
        assertEquals(opportunity.no(), event.getProperty(OpportunityEvents.OPPORTUNITY_NO));
        assertEquals("NEXT", event.getProperty(OpportunityEvents.ACTION));
        assertEquals("NEXT", event.getProperty(OpportunityEvents.ACTION_TAKEN));
        assertEquals(1, event.getProperty(OpportunityEvents.FROM_STAGE));
        assertEquals(2, event.getProperty(OpportunityEvents.TO_STAGE));
        assertEquals("IN_PROGRESS", event.getProperty(OpportunityEvents.STATUS));
        assertEquals("JO", event.getProperty(OpportunityEvents.SALESPERSON_CODE));
        assertEquals("STD", event.getProperty(OpportunityEvents.SALES_CYCLE_CODE));
        assertEquals("CT1", event.getProperty(OpportunityEvents.CONTACT_NO));
        assertEquals("CT1", event.getProperty(OpportunityEvents.CONTACT_COMPANY_NO));
        assertEquals("2024-01-10", event.getProperty(OpportunityEvents.DATE_OF_CHANGE));
        assertEquals("2024-01-20", event.getProperty(OpportunityEvents.ESTIMATED_CLOSE_DATE));
        assertNumber("10000", (BigDecimal) event.getProperty(OpportunityEvents.ESTIMATED_VALUE));
        assertNumber("1200", (BigDecimal) event.getProperty(OpportunityEvents.CALCULATED_CURRENT_VALUE));
        assertNumber("12", (BigDecimal) event.getProperty(OpportunityEvents.PROBABILITY_PERCENT));
        assertEquals(service.get(opportunity.no()).version(), event.getProperty(OpportunityEvents.VERSION));
        assertTrue(event.getProperty(OpportunityEvents.ENTRY_NO) instanceof Long);
        assertFalse(event.containsProperty(OpportunityEvents.CLOSE_CODE));
    }

    @Test
    public void createWithActivationPostsCreatedThenStageChanged() {
        started();
        assertEquals(List.of(OpportunityEvents.CREATED, OpportunityEvents.STAGE_CHANGED), eventAdmin.topics());
        Event activation = last();
        assertEquals("ACTIVATE", activation.getProperty(OpportunityEvents.ACTION));
        assertEquals("NONE", activation.getProperty(OpportunityEvents.ACTION_TAKEN));
        assertNull(activation.getProperty(OpportunityEvents.FROM_STAGE));
        assertEquals(1, activation.getProperty(OpportunityEvents.TO_STAGE));
    }

    @Test
    public void aCloseCarriesTheCodeAndDate() {
        Opportunity opportunity = startedAt(3);
        service.close(opportunity.no(), closing(CloseOutcome.LOST, "PRICE", null, null), null);
        Event event = last();
        assertEquals(OpportunityEvents.CLOSED, event.getTopic());
        assertEquals("LOST", event.getProperty(OpportunityEvents.STATUS));
        assertEquals("LOST", event.getProperty(OpportunityEvents.ACTION_TAKEN));
        assertEquals(3, event.getProperty(OpportunityEvents.FROM_STAGE));
        assertEquals(0, event.getProperty(OpportunityEvents.TO_STAGE));
        assertEquals("PRICE", event.getProperty(OpportunityEvents.CLOSE_CODE));
        assertEquals("2024-01-10", event.getProperty(OpportunityEvents.DATE_CLOSED));
    }

    @Test
    public void refusedRequestsPostNothing() {
        Opportunity opportunity = startedAt(4);
        int before = eventAdmin.posted.size();
        assertThrows(ConflictException.class,
                () -> service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null));
        assertThrows(StaleVersionException.class,
                () -> service.move(opportunity.no(), StageUpdate.of(OpportunityAction.UPDATE), 1L));
        cycles.removeModel("MULTIPLY");
        assertThrows(UnavailableException.class,
                () -> service.move(opportunity.no(), StageUpdate.of(OpportunityAction.UPDATE), null));
        assertThrows(ConflictException.class, () -> service.delete(opportunity.no(), null));
        Opportunity unchanged = service.get(opportunity.no());
        service.update(opportunity.no(), unchanged(unchanged), null);
        service.updateOptions(opportunity.no());
        assertEquals(before, eventAdmin.posted.size());
    }

    @Test
    public void withoutEventAdminChangesStillWork() {
        modules.eventAdmin = null;
        Opportunity opportunity = started();
        service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        assertTrue(eventAdmin.posted.isEmpty());
        assertEquals(Integer.valueOf(2), service.get(opportunity.no()).currentStage());
    }

    /** An event nobody listens to is not made (EventAdmin would still queue and dispatch it on every move). */
    @Test
    public void onlyTheEventsSomeHandlerListensToArePosted() {
        Opportunity opportunity = started();
        modules.removeEventHandler(everyOpportunityEvent);
        int before = eventAdmin.posted.size();
        service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        assertEquals(before, eventAdmin.posted.size());

        modules.addEventHandler(EventHandlers.listeningTo(OpportunityEvents.STAGE_CHANGED));
        Opportunity moved = service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        service.update(moved.no(), OpportunityChange.from(moved).description("Renamed").build(), null);
        assertEquals(before + 1, eventAdmin.posted.size());
        assertEquals(OpportunityEvents.STAGE_CHANGED, eventAdmin.posted.get(before).getTopic());
    }
}
