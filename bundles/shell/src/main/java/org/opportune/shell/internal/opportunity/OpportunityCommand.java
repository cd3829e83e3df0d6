package org.opportune.shell.internal.opportunity;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.shell.internal.OpportuneCommand;

/** Base of the commands on one opportunity of any status, named by its no. */
public abstract class OpportunityCommand extends OpportuneCommand {

    @Reference(optional = true)
    private OpportunityService opportunities;

    @Argument(index = 0, name = "no", description = "The opportunity's no.", required = true)
    @Completion(OpportunityNoCompleter.class)
    String no;

    /** @throws org.opportune.api.UnavailableException the opportunities module is not running */
    protected OpportunityService opportunities() {
        return require(opportunities, "opportunities");
    }
}
