package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleService;

@Service
@Command(scope = "cycle", name = "delete",
        description = "Deletes a sales cycle and its stages; refused while open opportunities use it")
public class DeleteSalesCycle extends SalesCycleCommand {

    @Override
    protected void run() {
        SalesCycleService service = cycles();
        SalesCycle current = service.get(code);
        service.delete(current.code(), current.version());
        System.out.println("Deleted sales cycle " + current.code());
    }
}
