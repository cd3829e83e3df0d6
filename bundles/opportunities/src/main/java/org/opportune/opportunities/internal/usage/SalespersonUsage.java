package org.opportune.opportunities.internal.usage;

import java.util.Optional;

import org.opportune.api.Codes;
import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.opportune.opportunities.internal.OpportunityStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** DOMAIN §1: a salesperson with open opportunities cannot be deleted. */
@Component(service = UsageCheck.class, property = {UsageCheck.RESOURCE + "=" + UsageResources.SALESPERSON,
        UsageCheck.NAME_PROPERTY + "=open-opportunities"})
public class SalespersonUsage implements UsageCheck {
    private final OpportunityStore store;

    @Activate
    public SalespersonUsage(@Reference OpportunityStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> usageOf(String key) {
        String code = Codes.normalise(key);
        if (code == null) {
            return Optional.empty(); // a blank key names no record
        }
        long open = store.openOpportunitiesOfSalesperson(code);
        return open == 0 ? Optional.empty()
                : Optional.of("salesperson " + code + " has " + Keys.count(open, "open opportunity", "open opportunities"));
    }
}
