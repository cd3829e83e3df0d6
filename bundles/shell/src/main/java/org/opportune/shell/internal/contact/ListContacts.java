package org.opportune.shell.internal.contact;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opportune.api.Page;
import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactQuery;
import org.opportune.api.contact.ContactService;
import org.opportune.api.contact.ContactType;
import org.opportune.shell.internal.OptionValues;
import org.opportune.shell.internal.PagedListCommand;
import org.opportune.shell.internal.salesperson.SalespersonCodeCompleter;

@Service
@Command(scope = "contact", name = "list", description = "Lists contacts, a page at a time")
public class ListContacts extends PagedListCommand {

    @Reference(optional = true)
    private ContactService contacts;

    @Option(name = "-q", aliases = "--query", description = "Only contacts whose no. or name contains this text")
    String text;

    @Option(name = "--type", description = "Only contacts of this type: COMPANY or PERSON")
    @Completion(ContactTypeCompleter.class)
    String type;

    @Option(name = "--company", description = "Only the company with this no. and its persons")
    @Completion(CompanyNoCompleter.class)
    String companyNo;

    @Option(name = "--salesperson", description = "Only contacts this salesperson is in charge of")
    @Completion(SalespersonCodeCompleter.class)
    String salespersonCode;

    @Override
    protected void run() {
        ContactQuery query = new ContactQuery(text, OptionValues.oneOf("type", type, ContactType.class), companyNo,
                salespersonCode);
        Page<Contact> page = require(contacts, "contacts").list(query, pageRequest());
        ShellTable table = new ShellTable();
        table.column("No.");
        table.column("Type");
        table.column("Name");
        table.column("Company No.");
        table.column("Company");
        table.column("Salesperson");
        table.column("City");
        table.column("Country");
        for (Contact contact : page.items()) {
            Address address = contact.address() == null ? Address.EMPTY : contact.address();
            table.addRow().addContent(contact.no(), contact.type(), contact.name(), contact.companyNo(),
                    contact.companyName(), contact.salespersonCode(), address.city(), address.countryCode());
        }
        print(table, page);
    }
}
