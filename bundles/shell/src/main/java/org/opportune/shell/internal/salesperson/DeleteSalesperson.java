package org.opportune.shell.internal.salesperson;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.shell.internal.OpportuneCommand;

@Service
@Command(scope = "salesperson", name = "delete",
        description = "Deletes a salesperson; refused while open opportunities or other records use them")
public class DeleteSalesperson extends OpportuneCommand {

    @Reference(optional = true)
    private SalespersonService salespeople;

    @Argument(index = 0, name = "code", description = "The salesperson's code", required = true)
    @Completion(SalespersonCodeCompleter.class)
    String code;

    @Override
    protected void run() {
        SalespersonService service = require(salespeople, "salespeople");
        Salesperson current = service.get(code);
        service.delete(current.code(), current.version());
        System.out.println("Deleted salesperson " + current.code());
    }
}
