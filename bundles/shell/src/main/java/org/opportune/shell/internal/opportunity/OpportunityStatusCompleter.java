package org.opportune.shell.internal.opportunity;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.shell.internal.EnumCompleter;

/** Completes a opportunity status from the constants of {@link OpportunityStatus}. */
@Service
public class OpportunityStatusCompleter extends EnumCompleter<OpportunityStatus> {

    public OpportunityStatusCompleter() {
        super(OpportunityStatus.class);
    }
}
