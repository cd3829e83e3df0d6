package org.opportune.shell.internal.opportunity;

import java.math.BigDecimal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.shell.internal.OpportuneCommand;
import org.opportune.shell.internal.OptionValues;

/**
 * Moves an opportunity through its sales cycle ({@code opportunity:update}, NAV's "Update" wizard).
 * Values left out are sent as null so that the domain applies its defaults; the version read is
 * expected so that two concurrent moves cannot both be written.
 */
@Service
@Command(scope = "opportunity", name = "update",
        description = "Moves an opportunity through its sales cycle; values left out take the domain's defaults")
public class MoveOpportunity extends OpportuneCommand {

    @Reference(optional = true)
    private OpportunityService opportunities;

    @Argument(index = 0, name = "no", description = "The opportunity's no.", required = true)
    @Completion(OpenOpportunityNoCompleter.class)
    String no;

    @Argument(index = 1, name = "action", description = "FIRST, NEXT, PREVIOUS, SKIP, JUMP or UPDATE", required = true)
    @Completion(OpportunityActionCompleter.class)
    String action;

    @Option(name = "--stage", description = "The target stage (default: the action's default target)")
    Integer stage;

    @Option(name = "--date",
            description = "The date of change, YYYY-MM-DD (default: the later of today and the last one)")
    String dateOfChange;

    @Option(name = "--value", description = "The estimated value (default: the last one, or the sales quote's amount)")
    BigDecimal estimatedValue;

    @Option(name = "--chances", description = "The chances of success % (default: the target stage's)")
    BigDecimal chancesOfSuccessPercent;

    @Option(name = "--close-date",
            description = "The estimated close date, YYYY-MM-DD "
                    + "(default: the date of change moved by the target stage's date formula)")
    String estimatedCloseDate;

    @Override
    protected void run() {
        OpportunityService service = require(opportunities, "opportunities");
        StageUpdate update = new StageUpdate(OptionValues.oneOf("action", action, OpportunityAction.class), stage,
                Dates.parse("dateOfChange", dateOfChange), estimatedValue, chancesOfSuccessPercent,
                Dates.parse("estimatedCloseDate", estimatedCloseDate));
        Opportunity current = service.get(no);
        Opportunity moved = service.move(current.no(), update, current.version());
        System.out.println("Opportunity " + moved.no() + " is at stage " + moved.currentStage()
                + ": estimated value " + Amounts.format(moved.estimatedValue())
                + ", chances " + percent(moved.chancesOfSuccessPercent()) + " %"
                + ", probability " + percent(moved.probabilityPercent()) + " %"
                + ", calculated current value " + Amounts.format(moved.calculatedCurrentValue())
                + ", estimated close date " + moved.estimatedCloseDate());
    }
}
