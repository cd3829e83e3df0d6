package org.opportune.shell.internal.cycle;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeQuery;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.shell.internal.KeyCompleter;

/** Completes close opportunity codes. */
@Service
public class CloseCodeCompleter extends KeyCompleter {

    @Reference(optional = true)
    private CloseOpportunityCodeService closeCodes;

    @Override
    protected List<String> keys(String typed) {
        CloseOpportunityCodeQuery query = CloseOpportunityCodeQuery.all().withText(textFilter(typed));
        return available(closeCodes).list(query, firstPageBy("code")).items().stream()
                .map(CloseOpportunityCode::code).toList();
    }
}
