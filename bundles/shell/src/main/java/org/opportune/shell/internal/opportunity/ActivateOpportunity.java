package org.opportune.shell.internal.opportunity;

import java.time.LocalDate;
import java.util.function.BiFunction;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityService;

/** "Activate first stage". */
@Service
@Command(scope = "opportunity", name = "activate",
        description = "Starts a not-started opportunity at the first stage of its sales cycle, estimated value 0")
public class ActivateOpportunity extends MoveCommand {

    @Option(name = "--date", description = "The date of change, YYYY-MM-DD (default today)")
    String dateOfChange;

    @Override
    protected BiFunction<OpportunityService, Opportunity, Opportunity> move() {
        LocalDate date = Dates.parse("dateOfChange", dateOfChange);
        return (opportunities, current) -> opportunities.activate(current.no(), date, current.version());
    }

    @Override
    protected String moved(Opportunity started) {
        return "Opportunity " + started.no() + " started at stage " + started.currentStage()
                + ", estimated close date " + started.estimatedCloseDate();
    }
}
