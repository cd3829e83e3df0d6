package org.opportune.shell.internal.opportunity;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.shell.internal.Amounts;
import org.opportune.shell.internal.PropertyTable;

@Service
@Command(scope = "opportunity", name = "show",
        description = "Shows every field of one opportunity, with the values of its active entry and its sales quote")
public class ShowOpportunity extends OpportunityCommand {

    @Override
    protected void run() {
        Opportunity opportunity = opportunities().get(no);
        SalesQuote quote = opportunity.salesQuote();
        new PropertyTable()
                .add("No.", opportunity.no())
                .add("Description", opportunity.description())
                .add("Contact No.", opportunity.contactNo())
                .add("Contact Company No.", opportunity.contactCompanyNo())
                .add("Salesperson", opportunity.salespersonCode())
                .add("Sales Cycle", opportunity.salesCycleCode())
                .add("Priority", opportunity.priority())
                .add("Creation Date", opportunity.creationDate())
                .add("Status", opportunity.status())
                .add("Closed", opportunity.closed())
                .add("Date Closed", opportunity.dateClosed())
                .add("Current Stage", opportunity.currentStage())
                .add("Estimated Value", Amounts.format(opportunity.estimatedValue()))
                .add("Chances of Success %", percent(opportunity.chancesOfSuccessPercent()))
                .add("Completed %", percent(opportunity.completedPercent()))
                .add("Probability %", percent(opportunity.probabilityPercent()))
                .add("Calculated Current Value", Amounts.format(opportunity.calculatedCurrentValue()))
                .add("Estimated Close Date", opportunity.estimatedCloseDate())
                .add("Close Code", opportunity.closeCode())
                .add("Sales Quote No.", quote == null ? null : quote.no())
                .add("Sales Quote Amount", quote == null ? null : Amounts.format(quote.amount()))
                .add("Version", opportunity.version())
                .changed(opportunity)
                .print(System.out);
    }
}
