package org.opportune.shell.internal.salesperson;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opportune.api.Page;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.shell.internal.OptionValues;
import org.opportune.shell.internal.PagedListCommand;

@Service
@Command(scope = "salesperson", name = "list", description = "Lists salespeople, a page at a time")
public class ListSalespeople extends PagedListCommand {

    @Reference(optional = true)
    private SalespersonService salespeople;

    @Option(name = "-q", aliases = "--query", description = "Only salespeople whose code or name contains this text")
    String text;

    @Option(name = "--blocked", description = "true: only blocked salespeople, false: only those not blocked")
    @Completion(value = StringsCompleter.class, values = {"true", "false"})
    String blocked;

    @Override
    protected void run() {
        SalespersonQuery query = new SalespersonQuery(text, OptionValues.trueOrFalse("blocked", blocked));
        Page<Salesperson> page = require(salespeople, "salespeople").list(query, pageRequest());
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Name");
        table.column("Email");
        table.column("Phone");
        table.column("Job Title");
        table.column("Commission %").alignRight();
        table.column("Blocked");
        for (Salesperson salesperson : page.items()) {
            table.addRow().addContent(salesperson.code(), salesperson.name(), salesperson.email(),
                    salesperson.phone(), salesperson.jobTitle(), percent(salesperson.commissionPercent()),
                    salesperson.blocked());
        }
        print(table, page);
    }
}
