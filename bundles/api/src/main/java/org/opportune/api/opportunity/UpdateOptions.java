package org.opportune.api.opportunity;

import java.util.List;
import java.util.Optional;

/**
 * For each action of an update, whether it is possible now, its candidate stages and defaults
 * (DOMAIN §5), as of the opportunity's {@code version}.
 *
 * @param options one per {@link OpportunityAction}, in the enum's order
 */
public record UpdateOptions(String opportunityNo, long version, Integer currentStage, List<UpdateOption> options) {

    public UpdateOptions {
        options = List.copyOf(options);
    }

    public Optional<UpdateOption> option(OpportunityAction action) {
        return options.stream().filter(option -> option.action() == action).findFirst();
    }
}
