package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleQuery;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.shell.internal.BlockedListCommand;
import org.opportune.shell.internal.RecordTable;

@Service
@Command(scope = "cycle", name = "list", description = "Lists sales cycles, a page at a time")
public class ListSalesCycles extends BlockedListCommand {

    @Reference(optional = true)
    private SalesCycleService cycles;

    @Override
    protected void run() {
        SalesCycleQuery query = SalesCycleQuery.all().withText(text).withBlocked(blocked());
        print(new RecordTable<SalesCycle>()
                .column("Code", SalesCycle::code)
                .column("Description", SalesCycle::description)
                .column("Probability Model", SalesCycle::probabilityCalculation)
                .column("Model Available", SalesCycle::probabilityModelAvailable)
                .number("Stages", cycle -> cycle.stages() == null ? 0 : cycle.stages().size())
                .column("Blocked", SalesCycle::blocked),
                require(cycles, "cycles").list(query, pageRequest()));
    }
}
