package org.opportune.opportunities.internal.usage;

import java.util.Optional;

import org.opportune.api.Codes;
import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.opportune.opportunities.internal.OpportunityStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** DOMAIN §1, Ours: a close code used by an entry cannot be deleted. */
@Component(service = UsageCheck.class, property = {UsageCheck.RESOURCE + "=" + UsageResources.CLOSE_CODE,
        UsageCheck.NAME_PROPERTY + "=entries-with-close-code"})
public class CloseCodeUsage implements UsageCheck {
    private final OpportunityStore store;

    @Activate
    public CloseCodeUsage(@Reference OpportunityStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> usageOf(String key) {
        String code = Codes.normalise(key);
        if (code == null) {
            return Optional.empty(); // a blank key names no record
        }
        long used = store.entriesWithCloseCode(code);
        return used == 0 ? Optional.empty()
                : Optional.of("close opportunity code " + code + " is used by "
                        + Keys.count(used, "opportunity entry", "opportunity entries"));
    }
}
