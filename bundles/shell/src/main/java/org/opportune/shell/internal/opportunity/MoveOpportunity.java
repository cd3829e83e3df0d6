package org.opportune.shell.internal.opportunity;

import java.math.BigDecimal;
import java.util.function.BiFunction;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.shell.internal.Amounts;
import org.opportune.shell.internal.OptionValues;

/**
 * Moves an opportunity through its sales cycle ({@code opportunity:update}, NAV's "Update" wizard).
 * Values left out are sent as null so that the domain applies its defaults.
 */
@Service
@Command(scope = "opportunity", name = "update",
        description = "Moves an opportunity through its sales cycle; values left out take the domain's defaults")
public class MoveOpportunity extends MoveCommand {

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

    @Option(name = "--cancel-open-tasks",
            description = "Cancel the opportunity's open tasks before the move creates those of the new stage"
                    + " (default: keep them)")
    boolean cancelOpenTasks;

    @Override
    protected BiFunction<OpportunityService, Opportunity, Opportunity> move() {
        StageUpdate update = StageUpdate.builder(OptionValues.oneOf("action", action, OpportunityAction.class))
                .stage(stage).dateOfChange(Dates.parse("dateOfChange", dateOfChange)).estimatedValue(estimatedValue)
                .chancesOfSuccessPercent(chancesOfSuccessPercent)
                .estimatedCloseDate(Dates.parse("estimatedCloseDate", estimatedCloseDate))
                .cancelOpenTasks(cancelOpenTasks).build();
        return (opportunities, current) -> opportunities.move(current.no(), update, current.version());
    }

    @Override
    protected String moved(Opportunity moved) {
        return "Opportunity " + moved.no() + " is at stage " + moved.currentStage()
                + ": estimated value " + Amounts.format(moved.estimatedValue())
                + ", chances " + percent(moved.chancesOfSuccessPercent()) + " %"
                + ", probability " + percent(moved.probabilityPercent()) + " %"
                + ", calculated current value " + Amounts.format(moved.calculatedCurrentValue())
                + ", estimated close date " + moved.estimatedCloseDate();
    }
}
