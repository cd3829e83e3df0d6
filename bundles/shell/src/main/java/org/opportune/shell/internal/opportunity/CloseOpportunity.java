package org.opportune.shell.internal.opportunity;

import java.math.BigDecimal;
import java.util.function.BiFunction;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.shell.internal.Amounts;
import org.opportune.shell.internal.OptionValues;
import org.opportune.shell.internal.cycle.CloseCodeCompleter;

/** Closes an opportunity for good. */
@Service
@Command(scope = "opportunity", name = "close", description = "Closes an opportunity as WON or LOST; closed is final")
public class CloseOpportunity extends MoveCommand {

    @Argument(index = 1, name = "outcome", description = "WON or LOST", required = true)
    @Completion(CloseOutcomeCompleter.class)
    String outcome;

    @Argument(index = 2, name = "closeCode", description = "A close opportunity code of the outcome's type",
            required = true)
    @Completion(CloseCodeCompleter.class)
    String closeCode;

    @Option(name = "--date",
            description = "The closing date, YYYY-MM-DD (default: the later of today and the last date of change)")
    String dateClosed;

    @Option(name = "--value",
            description = "WON: the value won, greater than 0; not needed when a sales quote is linked")
    BigDecimal value;

    @Option(name = "--keep-open-tasks",
            description = "Leave the opportunity's open tasks as they are (by default closing cancels them)")
    boolean keepOpenTasks;

    @Override
    protected BiFunction<OpportunityService, Opportunity, Opportunity> move() {
        Closing closing = Closing.builder(OptionValues.oneOf("outcome", outcome, CloseOutcome.class), closeCode)
                .dateClosed(Dates.parse("dateClosed", dateClosed)).value(value).cancelOpenTasks(!keepOpenTasks)
                .build();
        return (opportunities, current) -> opportunities.close(current.no(), closing, current.version());
    }

    @Override
    protected String moved(Opportunity closed) {
        return "Opportunity " + closed.no() + " is " + closed.status() + " on " + closed.dateClosed()
                + " (close code " + closed.closeCode() + ", calculated current value "
                + Amounts.format(closed.calculatedCurrentValue()) + ")";
    }
}
