package org.opportune.shell.internal.salesperson;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonService;

@Service
@Command(scope = "salesperson", name = "delete",
        description = "Deletes a salesperson; refused while open opportunities or other records use them")
public class DeleteSalesperson extends SalespersonCommand {

    @Override
    protected void run() {
        SalespersonService service = salespeople();
        Salesperson current = service.get(code);
        service.delete(current.code(), current.version());
        System.out.println("Deleted salesperson " + current.code());
    }
}
