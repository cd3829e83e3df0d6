package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.shell.internal.OpportuneCommand;

/**
 * Blocks or unblocks a sales cycle: writes back the cycle as read, with only {@code blocked}
 * changed, expecting the version read so that a concurrent change is refused rather than lost.
 * The stages are left out, which tells the service to keep them as they are.
 */
public abstract class ChangeCycleBlocked extends OpportuneCommand {

    @Reference(optional = true)
    private SalesCycleService cycles;

    @Argument(index = 0, name = "code", description = "The sales cycle's code", required = true)
    @Completion(SalesCycleCodeCompleter.class)
    String code;

    /** The value {@code blocked} gets. */
    protected abstract boolean blocked();

    @Override
    protected void run() {
        SalesCycleService service = require(cycles, "cycles");
        SalesCycle current = service.get(code);
        SalesCycle saved = service.update(current.code(), current.withBlocked(blocked()).withStages(null),
                current.version());
        System.out.println("Sales cycle " + saved.code() + (saved.blocked() ? " is blocked" : " is not blocked"));
    }
}
