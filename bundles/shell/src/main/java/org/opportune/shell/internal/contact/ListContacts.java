package org.opportune.shell.internal.contact;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactQuery;
import org.opportune.api.contact.ContactService;
import org.opportune.api.contact.ContactType;
import org.opportune.shell.internal.OptionValues;
import org.opportune.shell.internal.RecordTable;
import org.opportune.shell.internal.TextListCommand;
import org.opportune.shell.internal.salesperson.SalespersonCodeCompleter;

@Service
@Command(scope = "contact", name = "list", description = "Lists contacts, a page at a time")
public class ListContacts extends TextListCommand {

    @Reference(optional = true)
    private ContactService contacts;

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
        ContactQuery query = ContactQuery.all().withText(text)
                .withType(OptionValues.oneOf("type", type, ContactType.class)).withCompanyNo(companyNo)
                .withSalespersonCode(salespersonCode);
        print(new RecordTable<Contact>()
                .column("No.", Contact::no)
                .column("Type", Contact::type)
                .column("Name", Contact::name)
                .column("Company No.", Contact::companyNo)
                .column("Company", Contact::companyName)
                .column("Salesperson", Contact::salespersonCode)
                .column("City", contact -> address(contact).city())
                .column("Country", contact -> address(contact).countryCode()),
                require(contacts, "contacts").list(query, pageRequest()));
    }

    private static Address address(Contact contact) {
        return contact.address() == null ? Address.EMPTY : contact.address();
    }
}
