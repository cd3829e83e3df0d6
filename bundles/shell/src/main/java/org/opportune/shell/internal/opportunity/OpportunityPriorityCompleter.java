package org.opportune.shell.internal.opportunity;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.shell.internal.EnumCompleter;

/** Completes a opportunity priority from the constants of {@link OpportunityPriority}. */
@Service
public class OpportunityPriorityCompleter extends EnumCompleter<OpportunityPriority> {

    public OpportunityPriorityCompleter() {
        super(OpportunityPriority.class);
    }
}
