package org.opportune.shell.internal.salesperson;

import java.math.BigDecimal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.shell.internal.OpportuneCommand;

@Service
@Command(scope = "salesperson", name = "add", description = "Adds a salesperson")
public class AddSalesperson extends OpportuneCommand {

    @Reference(optional = true)
    private SalespersonService salespeople;

    @Argument(index = 0, name = "code", description = "The new code, up to 20 characters (stored upper-case)",
            required = true)
    String code;

    @Argument(index = 1, name = "name", description = "The name, up to 50 characters (quote it when it has spaces)",
            required = true)
    String name;

    @Option(name = "--email", description = "E-mail address")
    String email;

    @Option(name = "--phone", description = "Phone number")
    String phone;

    @Option(name = "--job-title", description = "Job title")
    String jobTitle;

    @Option(name = "--commission", description = "Commission percentage, 0 to 100")
    BigDecimal commissionPercent;

    @Override
    protected void run() {
        Salesperson created = require(salespeople, "salespeople")
                .create(new Salesperson(code, name, email, phone, jobTitle, commissionPercent, false, null));
        System.out.println("Created salesperson " + created.code());
    }
}
