package org.opportune.shell.internal.cycle;

import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleValues;

/**
 * Blocks or unblocks a sales cycle: writes back the values read, with only {@code blocked} changed,
 * expecting the version read so that a concurrent change is refused rather than lost. The stages
 * are left out, which tells the service to keep them as they are.
 */
public abstract class ChangeCycleBlocked extends SalesCycleCommand {

    /** The value {@code blocked} gets. */
    protected abstract boolean blocked();

    @Override
    protected void run() {
        SalesCycleService service = cycles();
        SalesCycle current = service.get(code);
        SalesCycle saved = service.update(current.code(), SalesCycleValues.from(current).blocked(blocked()).build(),
                current.version());
        System.out.println("Sales cycle " + saved.code() + (saved.blocked() ? " is blocked" : " is not blocked"));
    }
}
