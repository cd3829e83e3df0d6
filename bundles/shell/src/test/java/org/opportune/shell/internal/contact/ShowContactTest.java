package org.opportune.shell.internal.contact;

import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;

public class ShowContactTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final ShowContact command = References.inject(new ShowContact(), Contacts.all());

    @Test
    public void printsEveryFieldAsAPropertyTable() throws Exception {
        command.no = "ct000001";
        command.execute();

        assertEquals(List.of("No. | CT000001", "Type | COMPANY", "Name | Cronus Ltd", "Company No. | CT000001",
                "Company | Cronus Ltd", "Salesperson | JO", "Email | info@cronus.example", "Phone | +44 20 5555",
                "Mobile Phone | ", "Job Title | ", "Address | 1 High Street", "Address 2 | ", "City | London",
                "Post Code | W1 1AA", "County | ", "Country | GB", "Version | 4", "Changed By | anna",
                "Changed At | 2024-01-18T16:45:59Z"), console.tableLines());
    }

    @Test
    public void aContactNoOneChangedSince2Point0ShowsNoChange() throws Exception {
        command.no = "CT000003";
        command.execute();

        assertEquals(List.of("Changed By | ", "Changed At | "), console.tableLines().subList(17, 19));
    }

    @Test
    public void aContactWithoutAddressShowsEmptyAddressFields() throws Exception {
        command.no = "CT000002";
        command.execute();

        List<String> rows = console.tableLines();
        assertEquals("Job Title | Buyer", rows.get(9));
        assertEquals("City | ", rows.get(12));
    }

    @Test
    public void anUnknownNoIsReportedInOneLine() throws Exception {
        command.no = "CT999999";

        assertEquals("contact CT999999 does not exist", refusalOf(command));
    }
}
