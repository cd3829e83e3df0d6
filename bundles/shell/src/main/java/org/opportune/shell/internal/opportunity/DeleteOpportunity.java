package org.opportune.shell.internal.opportunity;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityService;

@Service
@Command(scope = "opportunity", name = "delete",
        description = "Deletes a not-started or closed opportunity with its entries; refused while in progress")
public class DeleteOpportunity extends OpportunityCommand {

    @Override
    protected void run() {
        OpportunityService service = opportunities();
        Opportunity current = service.get(no);
        service.delete(current.no(), current.version());
        System.out.println("Deleted opportunity " + current.no());
    }
}
