package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.shell.internal.EnumCompleter;

/** Completes a close opportunity code type from the constants of {@link CloseOpportunityCodeType}. */
@Service
public class CloseCodeTypeCompleter extends EnumCompleter<CloseOpportunityCodeType> {

    public CloseCodeTypeCompleter() {
        super(CloseOpportunityCodeType.class);
    }
}
