package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.shell.internal.OpportuneCommand;

@Service
@Command(scope = "cycle", name = "delete",
        description = "Deletes a sales cycle and its stages; refused while open opportunities use it")
public class DeleteSalesCycle extends OpportuneCommand {

    @Reference(optional = true)
    private SalesCycleService cycles;

    @Argument(index = 0, name = "code", description = "The sales cycle's code", required = true)
    @Completion(SalesCycleCodeCompleter.class)
    String code;

    @Override
    protected void run() {
        SalesCycleService service = require(cycles, "cycles");
        SalesCycle current = service.get(code);
        service.delete(current.code(), current.version());
        System.out.println("Deleted sales cycle " + current.code());
    }
}
