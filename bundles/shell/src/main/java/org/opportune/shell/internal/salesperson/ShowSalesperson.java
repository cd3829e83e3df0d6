package org.opportune.shell.internal.salesperson;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.shell.internal.PropertyTable;

@Service
@Command(scope = "salesperson", name = "show", description = "Shows every field of one salesperson")
public class ShowSalesperson extends SalespersonCommand {

    @Override
    protected void run() {
        Salesperson salesperson = salespeople().get(code);
        new PropertyTable()
                .add("Code", salesperson.code())
                .add("Name", salesperson.name())
                .add("Email", salesperson.email())
                .add("Phone", salesperson.phone())
                .add("Job Title", salesperson.jobTitle())
                .add("Commission %", percent(salesperson.commissionPercent()))
                .add("Blocked", salesperson.blocked())
                .add("User Name", salesperson.userName())
                .add("Version", salesperson.version())
                .changed(salesperson)
                .print(System.out);
    }
}
