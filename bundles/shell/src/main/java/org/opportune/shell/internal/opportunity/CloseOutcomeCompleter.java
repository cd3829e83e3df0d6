package org.opportune.shell.internal.opportunity;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.shell.internal.EnumCompleter;

/** Completes a close outcome from the constants of {@link CloseOutcome}. */
@Service
public class CloseOutcomeCompleter extends EnumCompleter<CloseOutcome> {

    public CloseOutcomeCompleter() {
        super(CloseOutcome.class);
    }
}
