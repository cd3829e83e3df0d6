package org.opportune.shell.internal.opportunity;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.shell.internal.OptionValues;
import org.opportune.shell.internal.RecordTable;
import org.opportune.shell.internal.TextListCommand;
import org.opportune.shell.internal.contact.ContactNoCompleter;
import org.opportune.shell.internal.cycle.SalesCycleCodeCompleter;
import org.opportune.shell.internal.salesperson.SalespersonCodeCompleter;

@Service
@Command(scope = "opportunity", name = "list", description = "Lists opportunities, a page at a time")
public class ListOpportunities extends TextListCommand {

    @Reference(optional = true)
    private OpportunityService opportunities;

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
        OpportunityQuery query = OpportunityQuery.all().withText(text)
                .withStatus(OptionValues.oneOf("status", status, OpportunityStatus.class))
                .withClosed(OptionValues.trueOrFalse("closed", closed)).withSalespersonCode(salespersonCode)
                .withContactNo(contactNo).withSalesCycleCode(salesCycleCode);
        print(new RecordTable<Opportunity>()
                .column("No.", Opportunity::no)
                .column("Description", Opportunity::description)
                .column("Contact", Opportunity::contactNo)
                .column("Salesperson", Opportunity::salespersonCode)
                .column("Cycle", Opportunity::salesCycleCode)
                .number("Stage", Opportunity::currentStage)
                .column("Status", Opportunity::status)
                .amount("Est. Value", Opportunity::estimatedValue)
                .amount("CCV", Opportunity::calculatedCurrentValue)
                .column("Est. Close", Opportunity::estimatedCloseDate),
                require(opportunities, "opportunities").list(query, pageRequest()));
    }
}
