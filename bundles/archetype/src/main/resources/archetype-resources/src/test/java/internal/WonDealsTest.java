package ${package}.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.Test;
import org.opportune.api.NotFoundException;
import org.opportune.api.opportunity.OpportunityEvents;
import org.osgi.service.event.Event;

/** The event handler and the resource that shows what it tallied. */
public class WonDealsTest {
    private final WonDeals wonDeals = new WonDeals();
    private final WonDealsResource resource = new WonDealsResource(wonDeals);

    @Test
    public void wonDealsAreTalliedPerSalespersonLostOnesNot() {
        wonDeals.handleEvent(closed("JO", "WON", "11500"));
        wonDeals.handleEvent(closed("JO", "WON", "500"));
        wonDeals.handleEvent(closed("JO", "LOST", "0"));
        wonDeals.handleEvent(closed("AL", "WON", "100"));

        assertEquals(Map.of("AL", new WonDeals.Tally(1, new BigDecimal("100")),
                "JO", new WonDeals.Tally(2, new BigDecimal("12000"))), resource.all());
        assertEquals(new WonDeals.Tally(2, new BigDecimal("12000")), resource.of(" jo "));
        assertThrows(NotFoundException.class, () -> resource.of("NOBODY"));
    }

    private static Event closed(String salesperson, String status, String value) {
        return new Event(OpportunityEvents.CLOSED, Map.of(OpportunityEvents.SALESPERSON_CODE, salesperson,
                OpportunityEvents.STATUS, status, OpportunityEvents.CALCULATED_CURRENT_VALUE, new BigDecimal(value)));
    }
}
