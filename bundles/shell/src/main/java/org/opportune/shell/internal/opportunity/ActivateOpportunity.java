package org.opportune.shell.internal.opportunity;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.shell.internal.OpportuneCommand;

/** "Activate first stage", expecting the version read so that a concurrent move is refused rather than doubled. */
@Service
@Command(scope = "opportunity", name = "activate",
        description = "Starts a not-started opportunity at the first stage of its sales cycle, estimated value 0")
public class ActivateOpportunity extends OpportuneCommand {

    @Reference(optional = true)
    private OpportunityService opportunities;

    @Argument(index = 0, name = "no", description = "The opportunity's no.", required = true)
    @Completion(OpenOpportunityNoCompleter.class)
    String no;

    @Option(name = "--date", description = "The date of change, YYYY-MM-DD (default today)")
    String dateOfChange;

    @Override
    protected void run() {
        OpportunityService service = require(opportunities, "opportunities");
        LocalDate date = Dates.parse("dateOfChange", dateOfChange);
        Opportunity current = service.get(no);
        Opportunity started = service.activate(current.no(), date, current.version());
        System.out.println("Opportunity " + started.no() + " started at stage " + started.currentStage()
                + ", estimated close date " + started.estimatedCloseDate());
    }
}
