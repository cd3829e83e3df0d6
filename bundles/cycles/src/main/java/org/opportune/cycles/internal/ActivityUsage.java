package org.opportune.cycles.internal;

import java.util.List;
import java.util.Optional;

import org.opportune.api.Codes;
import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * DOMAIN §10: an activity that a sales cycle stage names cannot be deleted. Every stage counts, whoever asks: stages
 * are setup, which every role reads.
 */
@Component(service = UsageCheck.class, property = {UsageCheck.RESOURCE + "=" + UsageResources.ACTIVITY,
        UsageCheck.NAME_PROPERTY + "=sales-cycle-stages"})
public class ActivityUsage implements UsageCheck {
    private final ActivityStages stages;

    @Activate
    public ActivityUsage(@Reference ActivityStages stages) {
        this.stages = stages;
    }

    /** @param key an activity code */
    @Override
    public Optional<String> usageOf(String key) {
        String code = Codes.normalise(key);
        if (code == null) {
            return Optional.empty(); // a blank key names no activity
        }
        List<String> naming = stages.stagesNaming(code);
        if (naming.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(naming.size() == 1 ? "sales cycle stage " + naming.get(0) + " names it"
                : "sales cycle stages " + String.join(", ", naming) + " name it");
    }
}
