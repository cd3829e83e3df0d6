package org.opportune.shell.internal.contact;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.contact.Address;
import org.opportune.api.contact.ContactType;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.Views;
import org.opportune.shell.internal.Views.ContactView;

public class AddContactTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeContactService service = new FakeContactService().with(Contacts.CRONUS);
    private final AddContact command = References.inject(new AddContact(), service);

    /** Gives the arguments as typed after {@code contact:add}. */
    private void arguments(String type, String name) {
        command.type = type;
        command.name = name;
    }

    @Test
    public void createsAPersonFromArgumentsAndOptionsWithTheNextNumber() throws Exception {
        arguments("person", "Jane Doe");
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

        assertEquals(new ContactView("CT000002", ContactType.PERSON, "Jane Doe", "CT000001", "Cronus Ltd", "JO",
                "jane@cronus.example", "+44 20 5556", "+44 77 0000", "Buyer",
                Address.builder().line1("1 High Street").line2("Floor 2").city("London").postCode("W1 1AA")
                        .county("Greater London").countryCode("GB").build(), 1L, "system", Views.COMMITTED),
                service.get("CT000002"));
        assertArrayEquals(new String[] {"Created contact CT000002"}, console.outLines());
    }

    @Test
    public void takesTheNoGivenAndSendsNoAddressWhenNoPartIsGiven() throws Exception {
        arguments("COMPANY", "Fabrikam Inc");
        command.no = "fab";
        command.execute();

        assertEquals(new ContactView("FAB", ContactType.COMPANY, "Fabrikam Inc", null, null, null, null, null, null,
                null, null, 1L, "system", Views.COMMITTED), service.get("FAB"));
        assertArrayEquals(new String[] {"Created contact FAB"}, console.outLines());
    }

    @Test
    public void namesEveryFieldAtFault() throws Exception {
        arguments("PERSON", "");
        command.email = "not-an-address";

        assertEquals("name is required; email must be an e-mail address like name@example.com", refusalOf(command));
        assertFalse(service.find("CT000002").isPresent());
        assertEquals("", console.out());
    }

    @Test
    public void aCompanyNoThatNamesNoCompanyIsReported() throws Exception {
        arguments("PERSON", "Jane Doe");
        command.companyNo = "CT999999";

        assertEquals("companyNo must name a contact of type COMPANY", refusalOf(command));
    }

    @Test
    public void anUnknownTypeIsAFieldError() throws Exception {
        arguments("robot", "R2");

        assertEquals("type must be one of COMPANY, PERSON (got 'robot')", refusalOf(command));
    }
}
