package org.opportune.shell.internal.opportunity;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.shell.internal.EnumCompleter;

/** Completes an update action from the constants of {@link OpportunityAction}. */
@Service
public class OpportunityActionCompleter extends EnumCompleter<OpportunityAction> {

    public OpportunityActionCompleter() {
        super(OpportunityAction.class);
    }
}
