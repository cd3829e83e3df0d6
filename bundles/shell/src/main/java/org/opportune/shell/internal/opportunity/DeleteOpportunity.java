package org.opportune.shell.internal.opportunity;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.shell.internal.OpportuneCommand;

@Service
@Command(scope = "opportunity", name = "delete",
        description = "Deletes a not-started or closed opportunity with its entries; refused while in progress")
public class DeleteOpportunity extends OpportuneCommand {

    @Reference(optional = true)
    private OpportunityService opportunities;

    @Argument(index = 0, name = "no", description = "The opportunity's no.", required = true)
    @Completion(OpportunityNoCompleter.class)
    String no;

    @Override
    protected void run() {
        OpportunityService service = require(opportunities, "opportunities");
        Opportunity current = service.get(no);
        service.delete(current.no(), current.version());
        System.out.println("Deleted opportunity " + current.no());
    }
}
