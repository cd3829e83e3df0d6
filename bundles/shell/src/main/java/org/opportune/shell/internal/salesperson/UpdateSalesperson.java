package org.opportune.shell.internal.salesperson;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.salesperson.Salesperson;

/**
 * Changes the fields given as options and keeps the others (see {@link SalespersonChange}), so that
 * an administrator can link a login to a salesperson ({@code --user-name}) and unlink it ({@code ""}).
 */
@Service
@Command(scope = "salesperson", name = "update",
        description = "Changes the fields of a salesperson given as options, e.g. links a login with --user-name;"
                + " an empty value (\"\") clears a field")
public class UpdateSalesperson extends SalespersonFields {

    @Argument(index = 0, name = "code", description = "The salesperson's code", required = true)
    @Completion(SalespersonCodeCompleter.class)
    String code;

    @Option(name = "--name", description = "The name, up to 50 characters")
    String name;

    @Override
    protected void run() {
        Salesperson saved = SalespersonChange.apply(salespeople(), code, values -> {
            text(name, values::name);
            return given(values);
        });
        System.out.println("Updated salesperson " + saved.code()
                + (saved.userName() == null ? ", linked to no login" : ", linked to login " + saved.userName()));
    }
}
