package org.opportune.shell.internal.opportunity;

import java.util.function.BiFunction;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.shell.internal.OpportuneCommand;

/**
 * Base of the moves of an open opportunity (activate, update, close), named by its no. The values
 * given are read before the opportunity, so that a value refused asks the service nothing; the move
 * is made at the version read, so that two concurrent moves cannot both be written.
 */
public abstract class MoveCommand extends OpportuneCommand {

    @Reference(optional = true)
    private OpportunityService opportunities;

    @Argument(index = 0, name = "no", description = "The opportunity's no.", required = true)
    @Completion(OpenOpportunityNoCompleter.class)
    String no;

    /**
     * @return the move to make on the opportunity as read
     * @throws org.opportune.api.ValidationException a value given is malformed
     */
    protected abstract BiFunction<OpportunityService, Opportunity, Opportunity> move();

    /** @return what to tell of the opportunity after the move */
    protected abstract String moved(Opportunity moved);

    @Override
    protected void run() {
        OpportunityService service = require(opportunities, "opportunities");
        BiFunction<OpportunityService, Opportunity, Opportunity> move = move();
        System.out.println(moved(move.apply(service, service.get(no))));
    }
}
