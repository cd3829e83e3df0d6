package org.opportune.shell.internal.salesperson;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.shell.internal.OpportuneCommand;

/** Base of the commands on one salesperson, named by its code. */
public abstract class SalespersonCommand extends OpportuneCommand {

    @Reference(optional = true)
    private SalespersonService salespeople;

    @Argument(index = 0, name = "code", description = "The salesperson's code", required = true)
    @Completion(SalespersonCodeCompleter.class)
    String code;

    /** @throws org.opportune.api.UnavailableException the salespeople module is not running */
    protected SalespersonService salespeople() {
        return require(salespeople, "salespeople");
    }
}
