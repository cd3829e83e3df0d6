package org.opportune.shell.internal.contact;

import java.util.Objects;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactService;
import org.opportune.api.contact.ContactType;
import org.opportune.api.contact.ContactValues;
import org.opportune.shell.internal.OpportuneCommand;
import org.opportune.shell.internal.OptionValues;
import org.opportune.shell.internal.salesperson.SalespersonCodeCompleter;

@Service
@Command(scope = "contact", name = "add", description = "Adds a company or person contact")
public class AddContact extends OpportuneCommand {

    @Reference(optional = true)
    private ContactService contacts;

    @Argument(index = 0, name = "type", description = "COMPANY or PERSON", required = true)
    @Completion(ContactTypeCompleter.class)
    String type;

    @Argument(index = 1, name = "name", description = "The name, up to 100 characters (quote it when it has spaces)",
            required = true)
    String name;

    @Option(name = "--no", description = "The contact's no.; the number series gives one when left out")
    String no;

    @Option(name = "--company", description = "For a person: the no. of the company contact it belongs to")
    @Completion(CompanyNoCompleter.class)
    String companyNo;

    @Option(name = "--salesperson", description = "The code of the salesperson in charge")
    @Completion(SalespersonCodeCompleter.class)
    String salespersonCode;

    @Option(name = "--email", description = "E-mail address")
    String email;

    @Option(name = "--phone", description = "Phone number")
    String phone;

    @Option(name = "--mobile", description = "Mobile phone number")
    String mobilePhone;

    @Option(name = "--job-title", description = "Job title")
    String jobTitle;

    @Option(name = "--address", description = "First address line")
    String line1;

    @Option(name = "--address2", description = "Second address line")
    String line2;

    @Option(name = "--city", description = "City")
    String city;

    @Option(name = "--post-code", description = "Post code")
    String postCode;

    @Option(name = "--county", description = "County")
    String county;

    @Option(name = "--country", description = "Country code, e.g. GB")
    String countryCode;

    @Override
    protected void run() {
        ContactService service = require(contacts, "contacts");
        ContactValues values = ContactValues.builder().type(OptionValues.oneOf("type", type, ContactType.class))
                .name(name).companyNo(companyNo).salespersonCode(salespersonCode).email(email).phone(phone)
                .mobilePhone(mobilePhone).jobTitle(jobTitle).address(address()).build();
        Contact created = no == null ? service.create(values) : service.create(no, values);
        System.out.println("Created contact " + created.no());
    }

    /** No address at all when no part of it was given. */
    private Address address() {
        boolean none = Stream.of(line1, line2, city, postCode, county, countryCode).allMatch(Objects::isNull);
        return none ? null : Address.builder().line1(line1).line2(line2).city(city).postCode(postCode).county(county)
                .countryCode(countryCode).build();
    }
}
