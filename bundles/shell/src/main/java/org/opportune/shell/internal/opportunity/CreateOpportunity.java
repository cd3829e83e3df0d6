package org.opportune.shell.internal.opportunity;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.ValidationException;
import org.opportune.api.opportunity.Activation;
import org.opportune.api.opportunity.NewOpportunity;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.shell.internal.OpportuneCommand;
import org.opportune.shell.internal.OptionValues;
import org.opportune.shell.internal.contact.ContactNoCompleter;
import org.opportune.shell.internal.cycle.SalesCycleCodeCompleter;
import org.opportune.shell.internal.salesperson.SalespersonCodeCompleter;

/** Creates an opportunity, not started, or started at the lowest stage of its cycle in the same step. */
@Service
@Command(scope = "opportunity", name = "create",
        description = "Creates an opportunity; with --activate it starts at the first stage of its sales cycle")
public class CreateOpportunity extends OpportuneCommand {

    @Reference(optional = true)
    private OpportunityService opportunities;

    @Argument(index = 0, name = "contact", description = "The contact's no.", required = true)
    @Completion(ContactNoCompleter.class)
    String contactNo;

    @Argument(index = 1, name = "cycle", description = "The sales cycle's code", required = true)
    @Completion(SalesCycleCodeCompleter.class)
    String salesCycleCode;

    @Argument(index = 2, name = "description",
            description = "The description, up to 100 characters (quote it when it has spaces)", required = true)
    String description;

    @Option(name = "--no", description = "The opportunity's no.; the number series gives one when left out")
    String no;

    @Option(name = "--salesperson", description = "The salesperson's code (default: the contact's salesperson)")
    @Completion(SalespersonCodeCompleter.class)
    String salespersonCode;

    @Option(name = "--priority", description = "LOW, NORMAL or HIGH (default NORMAL)")
    @Completion(OpportunityPriorityCompleter.class)
    String priority;

    @Option(name = "--activate", description = "Start it at the first stage; needs --value, --chances and --close-date")
    boolean activate;

    @Option(name = "--value", description = "With --activate: the estimated value, greater than 0")
    BigDecimal estimatedValue;

    @Option(name = "--chances",
            description = "With --activate: the chances of success %, greater than 0 and at most 100")
    BigDecimal chancesOfSuccessPercent;

    @Option(name = "--close-date", description = "With --activate: the estimated close date, YYYY-MM-DD")
    String estimatedCloseDate;

    @Option(name = "--date", description = "With --activate: the date of change, YYYY-MM-DD (default today)")
    String dateOfChange;

    @Override
    protected void run() {
        OpportunityService service = require(opportunities, "opportunities");
        Opportunity created = service.create(NewOpportunity.builder().no(no).description(description)
                .contactNo(contactNo).salespersonCode(salespersonCode).salesCycleCode(salesCycleCode)
                .priority(OptionValues.oneOf("priority", priority, OpportunityPriority.class))
                .activation(activation()).build());
        System.out.println("Created opportunity " + created.no() + (created.currentStage() == null ? ""
                : ", started at stage " + created.currentStage()));
    }

    /** Null unless --activate is given; activation values without it are refused rather than ignored. */
    private Activation activation() {
        if (!activate) {
            boolean anyGiven = Stream.of(estimatedValue, chancesOfSuccessPercent, estimatedCloseDate, dateOfChange)
                    .anyMatch(Objects::nonNull);
            if (anyGiven) {
                throw new ValidationException("activate",
                        "is needed to give --value, --chances, --close-date or --date");
            }
            return null;
        }
        return Activation.builder().dateOfChange(Dates.parse("activate.dateOfChange", dateOfChange))
                .estimatedValue(estimatedValue).chancesOfSuccessPercent(chancesOfSuccessPercent)
                .estimatedCloseDate(Dates.parse("activate.estimatedCloseDate", estimatedCloseDate)).build();
    }
}
