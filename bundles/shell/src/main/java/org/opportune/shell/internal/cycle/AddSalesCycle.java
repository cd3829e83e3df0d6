package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleValues;
import org.opportune.shell.internal.OpportuneCommand;

@Service
@Command(scope = "cycle", name = "add",
        description = "Adds a sales cycle without stages; add them with cycle:stage-add")
public class AddSalesCycle extends OpportuneCommand {

    @Reference(optional = true)
    private SalesCycleService cycles;

    @Argument(index = 0, name = "code", description = "The new code, up to 10 characters (stored upper-case)",
            required = true)
    String code;

    @Argument(index = 1, name = "description",
            description = "The description, up to 100 characters (quote it when it has spaces)", required = true)
    String description;

    @Option(name = "--model", description = "The probability model the cycle computes with (default "
            + SalesCycle.DEFAULT_PROBABILITY_CALCULATION + "); cycle:models lists the installed ones")
    @Completion(ProbabilityModelCompleter.class)
    String model;

    @Override
    protected void run() {
        SalesCycle created = require(cycles, "cycles").create(code,
                SalesCycleValues.builder().description(description).probabilityCalculation(model).build());
        System.out.println("Created sales cycle " + created.code() + " computing with "
                + created.probabilityCalculation());
    }
}
