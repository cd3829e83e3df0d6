package org.opportune.shell.internal.opportunity;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opportune.api.Page;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.shell.internal.PagedListCommand;

@Service
@Command(scope = "opportunity", name = "entries",
        description = "Lists the entry history of an opportunity, oldest first, a page at a time")
public class ListEntries extends PagedListCommand {

    @Reference(optional = true)
    private OpportunityService opportunities;

    @Argument(index = 0, name = "no", description = "The opportunity's no.", required = true)
    @Completion(OpportunityNoCompleter.class)
    String no;

    @Override
    protected void run() {
        Page<OpportunityEntry> page = require(opportunities, "opportunities").entries(no, pageRequest());
        ShellTable table = new ShellTable();
        table.column("Entry").alignRight();
        table.column("Stage").alignRight();
        table.column("Description");
        table.column("Action");
        table.column("Date");
        table.column("Active");
        table.column("Days Open").alignRight();
        table.column("EV").alignRight();
        table.column("CCV").alignRight();
        table.column("Chances %").alignRight();
        table.column("Prob. %").alignRight();
        table.column("ECD");
        table.column("Close Code");
        for (OpportunityEntry entry : page.items()) {
            table.addRow().addContent(entry.entryNo(), entry.stage(), entry.stageDescription(),
                    entry.actionTaken(), entry.dateOfChange(), entry.active(), entry.daysOpen(),
                    Amounts.format(entry.estimatedValue()), Amounts.format(entry.calculatedCurrentValue()),
                    percent(entry.chancesOfSuccessPercent()), percent(entry.probabilityPercent()),
                    entry.estimatedCloseDate(), entry.closeCode());
        }
        print(table, page);
    }
}
