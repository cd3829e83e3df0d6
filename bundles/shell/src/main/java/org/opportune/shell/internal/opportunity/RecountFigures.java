package org.opportune.shell.internal.opportunity;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.shell.internal.OpportuneCommand;

@Service
@Command(scope = "opportunity", name = "recount-figures",
        description = "Counts the stage figures (cycle statistics now, pipeline, stage conversion) afresh from the"
                + " opportunities and their entries, after data was changed in the database past Opportune (an"
                + " import); writes of opportunities wait until it is done")
public class RecountFigures extends OpportuneCommand {

    @Reference(optional = true)
    private OpportunityStatisticsService statistics;

    @Override
    protected void run() {
        long groups = require(statistics, "opportunities").recount();
        System.out.println("Counted the stage figures afresh: " + groups + " groups (cycle, stage, salesperson)");
    }
}
