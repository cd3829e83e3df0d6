package org.opportune.shell.internal.salesperson;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.PageRequest;
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
        if (salespeople == null) {
            return List.of();
        }
        SalespersonQuery query = new SalespersonQuery(typed.isBlank() ? null : typed, null);
        return salespeople.list(query, PageRequest.of(0, PageRequest.MAX_LIMIT, "code")).items().stream()
                .map(Salesperson::code).toList();
    }
}
