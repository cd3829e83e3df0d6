package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.shell.internal.OpportuneCommand;

/** Deletes a stage, expecting the stage's version read, so that a concurrent change of it is refused. */
@Service
@Command(scope = "cycle", name = "stage-delete",
        description = "Deletes a stage of a sales cycle; refused while an opportunity stands at it")
public class DeleteStage extends OpportuneCommand {

    @Reference(optional = true)
    private SalesCycleService cycles;

    @Argument(index = 0, name = "cycle", description = "The sales cycle's code", required = true)
    @Completion(SalesCycleCodeCompleter.class)
    String cycle;

    @Argument(index = 1, name = "stage", description = "The stage's number", required = true)
    @Completion(StageNumberCompleter.class)
    Integer stage;

    @Override
    protected void run() {
        SalesCycleService service = require(cycles, "cycles");
        SalesCycle current = service.get(cycle);
        SalesCycleStage read = service.getStage(current.code(), stage);
        service.deleteStage(current.code(), read.stage(), read.version());
        System.out.println("Deleted stage " + read.stage() + " of sales cycle " + current.code());
    }
}
