package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opportune.api.Page;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleQuery;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.shell.internal.OptionValues;
import org.opportune.shell.internal.PagedListCommand;

@Service
@Command(scope = "cycle", name = "list", description = "Lists sales cycles, a page at a time")
public class ListSalesCycles extends PagedListCommand {

    @Reference(optional = true)
    private SalesCycleService cycles;

    @Option(name = "-q", aliases = "--query",
            description = "Only sales cycles whose code or description contains this text")
    String text;

    @Option(name = "--blocked", description = "true: only blocked sales cycles, false: only those not blocked")
    @Completion(value = StringsCompleter.class, values = {"true", "false"})
    String blocked;

    @Override
    protected void run() {
        SalesCycleQuery query = new SalesCycleQuery(text, OptionValues.trueOrFalse("blocked", blocked));
        Page<SalesCycle> page = require(cycles, "cycles").list(query, pageRequest());
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Description");
        table.column("Probability Model");
        table.column("Model Available");
        table.column("Stages").alignRight();
        table.column("Blocked");
        for (SalesCycle cycle : page.items()) {
            table.addRow().addContent(cycle.code(), cycle.description(), cycle.probabilityCalculation(),
                    cycle.probabilityModelAvailable(), cycle.stages() == null ? 0 : cycle.stages().size(),
                    cycle.blocked());
        }
        print(table, page);
    }
}
