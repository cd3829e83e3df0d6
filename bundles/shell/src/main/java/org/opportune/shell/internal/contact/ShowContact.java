package org.opportune.shell.internal.contact;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactService;
import org.opportune.shell.internal.OpportuneCommand;
import org.opportune.shell.internal.PropertyTable;

@Service
@Command(scope = "contact", name = "show", description = "Shows every field of one contact")
public class ShowContact extends OpportuneCommand {

    @Reference(optional = true)
    private ContactService contacts;

    @Argument(index = 0, name = "no", description = "The contact's no.", required = true)
    @Completion(ContactNoCompleter.class)
    String no;

    @Override
    protected void run() {
        Contact contact = require(contacts, "contacts").get(no);
        Address address = contact.address() == null ? Address.EMPTY : contact.address();
        new PropertyTable()
                .add("No.", contact.no())
                .add("Type", contact.type())
                .add("Name", contact.name())
                .add("Company No.", contact.companyNo())
                .add("Company", contact.companyName())
                .add("Salesperson", contact.salespersonCode())
                .add("Email", contact.email())
                .add("Phone", contact.phone())
                .add("Mobile Phone", contact.mobilePhone())
                .add("Job Title", contact.jobTitle())
                .add("Address", address.line1())
                .add("Address 2", address.line2())
                .add("City", address.city())
                .add("Post Code", address.postCode())
                .add("County", address.county())
                .add("Country", address.countryCode())
                .add("Version", contact.version())
                .print(System.out);
    }
}
