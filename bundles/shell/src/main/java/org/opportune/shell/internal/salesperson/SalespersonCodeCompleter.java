package org.opportune.shell.internal.salesperson;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.shell.internal.KeyCompleter;

/** Completes salesperson codes. */
@Service
public class SalespersonCodeCompleter extends KeyCompleter {

    @Reference(optional = true)
    private SalespersonService salespeople;

    @Override
    protected List<String> keys(String typed) {
        SalespersonQuery query = SalespersonQuery.all().withText(textFilter(typed));
        return available(salespeople).list(query, firstPageBy("code")).items().stream().map(Salesperson::code)
                .toList();
    }
}
