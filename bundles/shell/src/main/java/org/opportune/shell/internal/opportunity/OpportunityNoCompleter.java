package org.opportune.shell.internal.opportunity;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.PageRequest;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.shell.internal.KeyCompleter;

/** Completes opportunity numbers. */
@Service
public class OpportunityNoCompleter extends KeyCompleter {

    @Reference(optional = true)
    private OpportunityService opportunities;

    /** Only opportunities closed (true) or open (false), or null for any. */
    protected Boolean closed() {
        return null;
    }

    @Override
    protected List<String> keys(String typed) {
        if (opportunities == null) {
            return List.of();
        }
        OpportunityQuery query = new OpportunityQuery(typed.isBlank() ? null : typed, null, closed(), null, null,
                null, null, null, null, null, null, null, null);
        return opportunities.list(query, PageRequest.of(0, PageRequest.MAX_LIMIT, "no")).items().stream()
                .map(Opportunity::no).toList();
    }
}
