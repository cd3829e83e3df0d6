package org.opportune.shell.internal.contact;

import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.contact.ContactQuery;
import org.opportune.api.contact.ContactType;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.ListOptions;
import org.opportune.shell.internal.References;

public class ListContactsTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeContactService service = Contacts.all();
    private final ListContacts command = References.inject(new ListContacts(), service);

    @Test
    public void printsEveryContactInATableWithTheCountUnderIt() throws Exception {
        command.execute();

        assertEquals(List.of(
                List.of("No.", "Type", "Name", "Company No.", "Company", "Salesperson", "City", "Country"),
                List.of("CT000001", "COMPANY", "Cronus Ltd", "CT000001", "Cronus Ltd", "JO", "London", "GB"),
                List.of("CT000002", "PERSON", "Jane Doe", "CT000001", "Cronus Ltd", "JO", "", ""),
                List.of("CT000003", "PERSON", "Max Mustermann", "", "", "", "Berlin", "DE")),
                console.tableRows());
        String[] lines = console.outLines();
        assertEquals("3 of 3", lines[lines.length - 1]);
    }

    @Test
    public void passesEveryFilterToTheService() throws Exception {
        ListOptions.text(command, "cronus");
        command.type = "person";
        command.companyNo = "CT000001";
        command.salespersonCode = "JO";
        command.execute();

        assertEquals(ContactQuery.all().withText("cronus").withType(ContactType.PERSON).withCompanyNo("CT000001")
                .withSalespersonCode("JO"), service.lastQuery);
    }

    @Test
    public void filtersByType() throws Exception {
        command.type = "PERSON";
        ListOptions.page(command, 0, 1).execute();

        assertEquals(List.of("CT000002"), console.tableRows().stream().skip(1).map(row -> row.get(0)).toList());
        String[] lines = console.outLines();
        assertEquals("1 of 2", lines[lines.length - 1]);
    }

    @Test
    public void anUnknownTypeIsAFieldError() throws Exception {
        command.type = "robot";

        assertEquals("type must be one of COMPANY, PERSON (got 'robot')", refusalOf(command));
        assertEquals("", console.out());
    }
}
