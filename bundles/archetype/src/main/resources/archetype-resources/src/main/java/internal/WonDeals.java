package ${package}.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.opportune.api.opportunity.OpportunityEvents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * An EventAdmin handler: tallies the deals won per salesperson since this bundle started, from the CLOSED events
 * Opportune posts after each commit. Also a service of its own, read by {@link WonDealsResource}.
 */
@Component(service = { EventHandler.class, WonDeals.class },
        property = EventConstants.EVENT_TOPIC + "=" + OpportunityEvents.CLOSED)
public class WonDeals implements EventHandler {
    private final Map<String, Tally> bySalesperson = new ConcurrentHashMap<>();

    /** How many deals a salesperson won, and their value (calculated current value when closed). */
    public record Tally(long count, BigDecimal value) {
        Tally plus(BigDecimal won) {
            return new Tally(count + 1, value.add(won));
        }
    }

    @Override
    public void handleEvent(Event event) {
        if (!"WON".equals(event.getProperty(OpportunityEvents.STATUS))) {
            return;
        }
        Object value = event.getProperty(OpportunityEvents.CALCULATED_CURRENT_VALUE);
        BigDecimal won = value instanceof BigDecimal amount ? amount : BigDecimal.ZERO;
        bySalesperson.merge(String.valueOf(event.getProperty(OpportunityEvents.SALESPERSON_CODE)),
                new Tally(1, won), (known, next) -> known.plus(won));
    }

    /** @return the tallies by salesperson code, in code order */
    public Map<String, Tally> bySalesperson() {
        return new TreeMap<>(bySalesperson);
    }
}
