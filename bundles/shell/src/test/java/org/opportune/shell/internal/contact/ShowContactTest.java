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

        assertEquals(List.of(
                List.of("No.", "CT000001"),
                List.of("Type", "COMPANY"),
                List.of("Name", "Cronus Ltd"),
                List.of("Company No.", "CT000001"),
                List.of("Company", "Cronus Ltd"),
                List.of("Salesperson", "JO"),
                List.of("Email", "info@cronus.example"),
                List.of("Phone", "+44 20 5555"),
                List.of("Mobile Phone", ""),
                List.of("Job Title", ""),
                List.of("Address", "1 High Street"),
                List.of("Address 2", ""),
                List.of("City", "London"),
                List.of("Post Code", "W1 1AA"),
                List.of("County", ""),
                List.of("Country", "GB"),
                List.of("Version", "4")), console.tableRows());
    }

    @Test
    public void aContactWithoutAddressShowsEmptyAddressFields() throws Exception {
        command.no = "CT000002";
        command.execute();

        List<List<String>> rows = console.tableRows();
        assertEquals(List.of("Job Title", "Buyer"), rows.get(9));
        assertEquals(List.of("City", ""), rows.get(12));
    }

    @Test
    public void anUnknownNoIsReportedInOneLine() throws Exception {
        command.no = "CT999999";

        assertEquals("contact CT999999 does not exist", refusalOf(command));
    }
}
