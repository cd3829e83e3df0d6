package org.opportune.opportunities.internal.usage;

import java.util.Optional;

import org.opportune.api.Codes;
import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.opportune.opportunities.internal.OpportunityStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** DOMAIN §1: a contact with open opportunities cannot be deleted; a company's include its persons'. */
@Component(service = UsageCheck.class, property = {UsageCheck.RESOURCE + "=" + UsageResources.CONTACT,
        UsageCheck.NAME_PROPERTY + "=open-opportunities"})
public class ContactUsage implements UsageCheck {
    private final OpportunityStore store;

    @Activate
    public ContactUsage(@Reference OpportunityStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> usageOf(String key) {
        String no = Codes.normalise(key);
        if (no == null) {
            return Optional.empty(); // a blank key names no record
        }
        long open = store.openOpportunitiesOfContact(no);
        return open == 0 ? Optional.empty()
                : Optional.of("contact " + no + " has " + Keys.count(open, "open opportunity", "open opportunities"));
    }
}
