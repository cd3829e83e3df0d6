package org.opportune.shell.internal.cycle;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleQuery;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.shell.internal.KeyCompleter;

/** Completes sales cycle codes. */
@Service
public class SalesCycleCodeCompleter extends KeyCompleter {

    @Reference(optional = true)
    private SalesCycleService cycles;

    @Override
    protected List<String> keys(String typed) {
        SalesCycleQuery query = SalesCycleQuery.all().withText(textFilter(typed));
        return available(cycles).list(query, firstPageBy("code")).items().stream().map(SalesCycle::code).toList();
    }
}
