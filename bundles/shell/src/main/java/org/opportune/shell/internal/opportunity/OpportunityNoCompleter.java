package org.opportune.shell.internal.opportunity;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
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
        OpportunityQuery query = OpportunityQuery.all().withText(textFilter(typed)).withClosed(closed());
        return available(opportunities).list(query, firstPageBy("no")).items().stream().map(Opportunity::no).toList();
    }
}
