package org.opportune.opportunities.internal.usage;

import java.util.Optional;

import org.opportune.api.Codes;
import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.opportune.opportunities.internal.OpportunityStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** DOMAIN §1: a stage at which an open opportunity stands (its active entry) cannot be deleted. */
@Component(service = UsageCheck.class, property = {UsageCheck.RESOURCE + "=" + UsageResources.SALES_CYCLE_STAGE,
        UsageCheck.NAME_PROPERTY + "=open-opportunities-at-stage"})
public class SalesCycleStageUsage implements UsageCheck {
    private final OpportunityStore store;

    @Activate
    public SalesCycleStageUsage(@Reference OpportunityStore store) {
        this.store = store;
    }

    /** @param key {@code CYCLE/stage}, e.g. {@code STD/2} */
    @Override
    public Optional<String> usageOf(String key) {
        int slash = key == null ? -1 : key.lastIndexOf('/');
        if (slash < 1) {
            return Optional.empty();
        }
        String cycle = Codes.normalise(key.substring(0, slash));
        if (cycle == null) {
            return Optional.empty(); // a blank cycle code names no stage
        }
        int stage;
        try {
            stage = Integer.parseInt(key.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return Optional.empty(); // not a stage key: no opportunity can stand at it
        }
        long open = store.openOpportunitiesAtStage(cycle, stage);
        return open == 0 ? Optional.empty()
                : Optional.of("stage " + stage + " of sales cycle " + cycle + " is the current stage of "
                        + Keys.count(open, "open opportunity", "open opportunities"));
    }
}
