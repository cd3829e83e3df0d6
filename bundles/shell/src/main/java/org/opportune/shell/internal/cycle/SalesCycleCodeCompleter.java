package org.opportune.shell.internal.cycle;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.PageRequest;
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
        if (cycles == null) {
            return List.of();
        }
        SalesCycleQuery query = new SalesCycleQuery(typed.isBlank() ? null : typed, null);
        return cycles.list(query, PageRequest.of(0, PageRequest.MAX_LIMIT, "code")).items().stream()
                .map(SalesCycle::code).toList();
    }
}
