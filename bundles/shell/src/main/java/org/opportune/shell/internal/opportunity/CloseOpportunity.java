package org.opportune.shell.internal.opportunity;

import java.math.BigDecimal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.shell.internal.OpportuneCommand;
import org.opportune.shell.internal.OptionValues;
import org.opportune.shell.internal.cycle.CloseCodeCompleter;

/** Closes an opportunity for good, expecting the version read. */
@Service
@Command(scope = "opportunity", name = "close", description = "Closes an opportunity as WON or LOST; closed is final")
public class CloseOpportunity extends OpportuneCommand {

    @Reference(optional = true)
    private OpportunityService opportunities;

    @Argument(index = 0, name = "no", description = "The opportunity's no.", required = true)
    @Completion(OpenOpportunityNoCompleter.class)
    String no;

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

    @Override
    protected void run() {
        OpportunityService service = require(opportunities, "opportunities");
        Closing closing = new Closing(OptionValues.oneOf("outcome", outcome, CloseOutcome.class), closeCode,
                Dates.parse("dateClosed", dateClosed), value);
        Opportunity current = service.get(no);
        Opportunity closed = service.close(current.no(), closing, current.version());
        System.out.println("Opportunity " + closed.no() + " is " + closed.status() + " on " + closed.dateClosed()
                + " (close code " + closed.closeCode() + ", calculated current value "
                + Amounts.format(closed.calculatedCurrentValue()) + ")");
    }
}
