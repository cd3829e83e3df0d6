package org.opportune.shell.internal.salesperson;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.shell.internal.OpportuneCommand;

/**
 * Blocks or unblocks a salesperson: writes back the record as read, with only {@code blocked}
 * changed, expecting the version read so that a concurrent change is refused rather than lost.
 */
public abstract class ChangeBlocked extends OpportuneCommand {

    @Reference(optional = true)
    private SalespersonService salespeople;

    @Argument(index = 0, name = "code", description = "The salesperson's code", required = true)
    @Completion(SalespersonCodeCompleter.class)
    String code;

    /** The value {@code blocked} gets. */
    protected abstract boolean blocked();

    @Override
    protected void run() {
        SalespersonService service = require(salespeople, "salespeople");
        Salesperson current = service.get(code);
        Salesperson saved = service.update(current.code(), current.withBlocked(blocked()), current.version());
        System.out.println("Salesperson " + saved.code() + (saved.blocked() ? " is blocked" : " is not blocked"));
    }
}
