package org.opportune.shell.internal.contact;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.shell.internal.PropertyTable;

@Service
@Command(scope = "contact", name = "show", description = "Shows every field of one contact")
public class ShowContact extends ContactCommand {

    @Override
    protected void run() {
        Contact contact = contacts().get(no);
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
                .changed(contact)
                .print(System.out);
    }
}
