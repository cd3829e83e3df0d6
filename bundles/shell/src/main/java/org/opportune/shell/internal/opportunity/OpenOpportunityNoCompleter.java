package org.opportune.shell.internal.opportunity;

import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Completes the numbers of open opportunities, the only ones that can be activated, moved or closed. */
@Service
public class OpenOpportunityNoCompleter extends OpportunityNoCompleter {

    @Override
    protected Boolean closed() {
        return Boolean.FALSE;
    }
}
