package org.opportune.shell.internal.salesperson;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonValues;

@Service
@Command(scope = "salesperson", name = "add", description = "Adds a salesperson, with --user-name acting for a login")
public class AddSalesperson extends SalespersonFields {

    @Argument(index = 0, name = "code", description = "The new code, up to 20 characters (stored upper-case)",
            required = true)
    String code;

    @Argument(index = 1, name = "name", description = "The name, up to 50 characters (quote it when it has spaces)",
            required = true)
    String name;

    @Override
    protected void run() {
        Salesperson created = salespeople().create(code, given(SalespersonValues.builder().name(name)).build());
        System.out.println("Created salesperson " + created.code());
    }
}
