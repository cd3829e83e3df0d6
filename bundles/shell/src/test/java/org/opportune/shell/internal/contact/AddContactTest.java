package org.opportune.shell.internal.contact;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactType;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;

public class AddContactTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeContactService service = new FakeContactService().with(Contacts.CRONUS);
    private final AddContact command = References.inject(new AddContact(), service);

    @Test
    public void createsAPersonFromArgumentsAndOptionsWithTheNextNumber() {
        command.type = "person";
        command.name = "Jane Doe";
        command.companyNo = "CT000001";
        command.salespersonCode = "JO";
        command.email = "jane@cronus.example";
        command.phone = "+44 20 5556";
        command.mobilePhone = "+44 77 0000";
        command.jobTitle = "Buyer";
        command.line1 = "1 High Street";
        command.line2 = "Floor 2";
        command.city = "London";
        command.postCode = "W1 1AA";
        command.county = "Greater London";
        command.countryCode = "GB";
        command.execute();

        assertEquals(new Contact("CT000002", ContactType.PERSON, "Jane Doe", "CT000001", "Cronus Ltd", "JO",
                "jane@cronus.example", "+44 20 5556", "+44 77 0000", "Buyer",
                new Address("1 High Street", "Floor 2", "London", "W1 1AA", "Greater London", "GB"), 1L),
                service.get("CT000002"));
        assertArrayEquals(new String[] {"Created contact CT000002"}, console.outLines());
    }

    @Test
    public void takesTheNoGivenAndSendsNoAddressWhenNoPartIsGiven() {
        command.type = "COMPANY";
        command.name = "Fabrikam Inc";
        command.no = "fab";
        command.execute();

        assertEquals(new Contact("FAB", ContactType.COMPANY, "Fabrikam Inc", null, null, null, null, null, null, null,
                null, 1L), service.get("FAB"));
        assertArrayEquals(new String[] {"Created contact FAB"}, console.outLines());
    }

    @Test
    public void printsEachFieldErrorOnALineOfItsOwn() {
        command.type = "PERSON";
        command.name = "";
        command.email = "not-an-address";
        command.execute();

        assertArrayEquals(new String[] {"Error: name is required",
                "Error: email must be an e-mail address like name@example.com"}, console.errLines());
        assertFalse(service.find("CT000002").isPresent());
        assertEquals("", console.out());
    }

    @Test
    public void aCompanyNoThatNamesNoCompanyIsReported() {
        command.type = "PERSON";
        command.name = "Jane Doe";
        command.companyNo = "CT999999";
        command.execute();

        assertArrayEquals(new String[] {"Error: companyNo must name a contact of type COMPANY"}, console.errLines());
    }

    @Test
    public void anUnknownTypeIsAFieldError() {
        command.type = "robot";
        command.name = "R2";
        command.execute();

        assertArrayEquals(new String[] {"Error: type must be one of COMPANY, PERSON (got 'robot')"},
                console.errLines());
    }
}
