package org.opportune.shell.internal.salesperson;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.shell.internal.OpportuneCommand;
import org.opportune.shell.internal.PropertyTable;

@Service
@Command(scope = "salesperson", name = "show", description = "Shows every field of one salesperson")
public class ShowSalesperson extends OpportuneCommand {

    @Reference(optional = true)
    private SalespersonService salespeople;

    @Argument(index = 0, name = "code", description = "The salesperson's code", required = true)
    @Completion(SalespersonCodeCompleter.class)
    String code;

    @Override
    protected void run() {
        Salesperson salesperson = require(salespeople, "salespeople").get(code);
        new PropertyTable()
                .add("Code", salesperson.code())
                .add("Name", salesperson.name())
                .add("Email", salesperson.email())
                .add("Phone", salesperson.phone())
                .add("Job Title", salesperson.jobTitle())
                .add("Commission %", percent(salesperson.commissionPercent()))
                .add("Blocked", salesperson.blocked())
                .add("Version", salesperson.version())
                .print(System.out);
    }
}
