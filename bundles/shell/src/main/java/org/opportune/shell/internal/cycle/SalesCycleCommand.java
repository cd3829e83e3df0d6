package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.shell.internal.OpportuneCommand;

/** Base of the commands on one sales cycle, named by its code. */
public abstract class SalesCycleCommand extends OpportuneCommand {

    @Reference(optional = true)
    private SalesCycleService cycles;

    @Argument(index = 0, name = "code", description = "The sales cycle's code", required = true)
    @Completion(SalesCycleCodeCompleter.class)
    String code;

    /** @throws org.opportune.api.UnavailableException the cycles module is not running */
    protected SalesCycleService cycles() {
        return require(cycles, "cycles");
    }
}
