package org.opportune.shell.internal.opportunity;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opportune.api.Page;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.shell.internal.OptionValues;
import org.opportune.shell.internal.PagedListCommand;
import org.opportune.shell.internal.contact.ContactNoCompleter;
import org.opportune.shell.internal.cycle.SalesCycleCodeCompleter;
import org.opportune.shell.internal.salesperson.SalespersonCodeCompleter;

@Service
@Command(scope = "opportunity", name = "list", description = "Lists opportunities, a page at a time")
public class ListOpportunities extends PagedListCommand {

    @Reference(optional = true)
    private OpportunityService opportunities;

    @Option(name = "-q", aliases = "--query",
            description = "Only opportunities whose no. or description contains this text")
    String text;

    @Option(name = "--status",
            description = "Only opportunities with this status: NOT_STARTED, IN_PROGRESS, WON or LOST")
    @Completion(OpportunityStatusCompleter.class)
    String status;

    @Option(name = "--salesperson", description = "Only opportunities of this salesperson")
    @Completion(SalespersonCodeCompleter.class)
    String salespersonCode;

    @Option(name = "--contact", description = "Only opportunities with this contact")
    @Completion(ContactNoCompleter.class)
    String contactNo;

    @Option(name = "--cycle", description = "Only opportunities on this sales cycle")
    @Completion(SalesCycleCodeCompleter.class)
    String salesCycleCode;

    @Option(name = "--closed", description = "true: only won or lost opportunities, false: only open ones")
    @Completion(value = StringsCompleter.class, values = {"true", "false"})
    String closed;

    @Override
    protected void run() {
        OpportunityQuery query = new OpportunityQuery(text, OptionValues.oneOf("status", status,
                OpportunityStatus.class), OptionValues.trueOrFalse("closed", closed), salespersonCode, contactNo, null,
                salesCycleCode, null, null, null, null, null, null);
        Page<Opportunity> page = require(opportunities, "opportunities").list(query, pageRequest());
        ShellTable table = new ShellTable();
        table.column("No.");
        table.column("Description");
        table.column("Contact");
        table.column("Salesperson");
        table.column("Cycle");
        table.column("Stage").alignRight();
        table.column("Status");
        table.column("Est. Value").alignRight();
        table.column("CCV").alignRight();
        table.column("Est. Close");
        for (Opportunity opportunity : page.items()) {
            table.addRow().addContent(opportunity.no(), opportunity.description(), opportunity.contactNo(),
                    opportunity.salespersonCode(), opportunity.salesCycleCode(), opportunity.currentStage(),
                    opportunity.status(), Amounts.format(opportunity.estimatedValue()),
                    Amounts.format(opportunity.calculatedCurrentValue()), opportunity.estimatedCloseDate());
        }
        print(table, page);
    }
}
