package org.opportune.shell.internal.salesperson;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.shell.internal.BlockedListCommand;
import org.opportune.shell.internal.RecordTable;

@Service
@Command(scope = "salesperson", name = "list", description = "Lists salespeople, a page at a time")
public class ListSalespeople extends BlockedListCommand {

    @Reference(optional = true)
    private SalespersonService salespeople;

    @Override
    protected void run() {
        SalespersonQuery query = SalespersonQuery.all().withText(text).withBlocked(blocked());
        print(new RecordTable<Salesperson>()
                .column("Code", Salesperson::code)
                .column("Name", Salesperson::name)
                .column("Email", Salesperson::email)
                .column("Phone", Salesperson::phone)
                .column("Job Title", Salesperson::jobTitle)
                .percent("Commission %", Salesperson::commissionPercent)
                .column("Blocked", Salesperson::blocked)
                .column("User Name", Salesperson::userName),
                require(salespeople, "salespeople").list(query, pageRequest()));
    }
}
