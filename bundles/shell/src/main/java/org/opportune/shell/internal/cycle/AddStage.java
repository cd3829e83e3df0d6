package org.opportune.shell.internal.cycle;

import java.math.BigDecimal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.cycle.StageValues;
import org.opportune.shell.internal.OpportuneCommand;
import org.opportune.shell.internal.activity.ActivityCodeCompleter;

/** Adds a stage, expecting the cycle's version read, so that a concurrent change of the cycle is refused. */
@Service
@Command(scope = "cycle", name = "stage-add", description = "Adds a stage to a sales cycle")
public class AddStage extends OpportuneCommand {

    @Reference(optional = true)
    private SalesCycleService cycles;

    @Argument(index = 0, name = "cycle", description = "The sales cycle's code", required = true)
    @Completion(SalesCycleCodeCompleter.class)
    String cycle;

    @Argument(index = 1, name = "stage", description = "The new stage's number, 1 or more; gaps are allowed",
            required = true)
    Integer stage;

    @Argument(index = 2, name = "description",
            description = "The description, up to 100 characters (quote it when it has spaces)", required = true)
    String description;

    @Option(name = "--completed", description = "Completed percentage, 0 to 100 (default 0)")
    BigDecimal completedPercent;

    @Option(name = "--chances", description = "Chances of success percentage, 0 to 100 (default 0)")
    BigDecimal chancesOfSuccessPercent;

    @Option(name = "--quote-required", description = "Moving to this stage needs a linked sales quote")
    boolean quoteRequired;

    @Option(name = "--allow-skip", description = "Skipping may pass over this stage")
    boolean allowSkip;

    @Option(name = "--date-formula", description = "Estimated close date formula, e.g. 5D, 1W, 1M+CM")
    String dateFormula;

    @Option(name = "--activity", description = "The activity whose steps become tasks when a deal enters the stage")
    @Completion(ActivityCodeCompleter.class)
    String activityCode;

    @Option(name = "--max-days-idle",
            description = "Days a deal may stay at the stage before it is stale, 1 or more (default: no limit)")
    Integer maxDaysIdle;

    @Override
    protected void run() {
        SalesCycleService service = require(cycles, "cycles");
        SalesCycle current = service.get(cycle);
        SalesCycleStage added = service.addStage(current.code(), StageValues.builder(stage).description(description)
                .completedPercent(completedPercent).chancesOfSuccessPercent(chancesOfSuccessPercent)
                .activityCode(activityCode).quoteRequired(quoteRequired).allowSkip(allowSkip).dateFormula(dateFormula)
                .maxDaysIdle(maxDaysIdle).build(), current.version());
        System.out.println("Added stage " + added.stage() + " to sales cycle " + current.code());
    }
}
