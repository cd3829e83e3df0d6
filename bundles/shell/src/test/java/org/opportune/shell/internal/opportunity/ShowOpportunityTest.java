package org.opportune.shell.internal.opportunity;

import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;

public class ShowOpportunityTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final ShowOpportunity command = References.inject(new ShowOpportunity(), Opportunities.all());

    @Test
    public void printsEveryFieldWithTheActiveEntrysValuesAndTheSalesQuote() throws Exception {
        command.no = "op000004";
        command.execute();

        assertEquals(List.of(
                List.of("No.", "OP000004"),
                List.of("Description", "Service contract"),
                List.of("Contact No.", "CT000001"),
                List.of("Contact Company No.", "CT000001"),
                List.of("Salesperson", "AL"),
                List.of("Sales Cycle", "STD"),
                List.of("Priority", "NORMAL"),
                List.of("Creation Date", "2024-01-15"),
                List.of("Status", "IN_PROGRESS"),
                List.of("Closed", "false"),
                List.of("Date Closed", ""),
                List.of("Current Stage", "2"),
                List.of("Estimated Value", "8333.33"),
                List.of("Chances of Success %", "40"),
                List.of("Completed %", "30"),
                List.of("Probability %", "12"),
                List.of("Calculated Current Value", "1000.00"),
                List.of("Estimated Close Date", "2024-01-25"),
                List.of("Close Code", ""),
                List.of("Sales Quote No.", "SQ1001"),
                List.of("Sales Quote Amount", "8333.33"),
                List.of("Version", "4")), console.tableRows());
    }

    @Test
    public void aNotStartedOpportunityHasNoStageValuesNorQuote() throws Exception {
        command.no = "OP000002";
        command.execute();

        List<List<String>> rows = console.tableRows();
        assertEquals(List.of("Status", "NOT_STARTED"), rows.get(8));
        assertEquals(List.of("Current Stage", ""), rows.get(11));
        assertEquals(List.of("Estimated Value", ""), rows.get(12));
        assertEquals(List.of("Probability %", ""), rows.get(15));
        assertEquals(List.of("Sales Quote Amount", ""), rows.get(20));
    }

    @Test
    public void aWonOpportunityShowsItsCloseCodeAndDate() throws Exception {
        command.no = "OP000003";
        command.execute();

        List<List<String>> rows = console.tableRows();
        assertEquals(List.of("Closed", "true"), rows.get(9));
        assertEquals(List.of("Date Closed", "2024-02-15"), rows.get(10));
        assertEquals(List.of("Calculated Current Value", "11500.00"), rows.get(16));
        assertEquals(List.of("Close Code", "WIN1"), rows.get(18));
    }

    @Test
    public void anUnknownNoIsReportedInOneLine() throws Exception {
        command.no = "OP999999";

        assertEquals("opportunity OP999999 does not exist", refusalOf(command));
        assertEquals("", console.out());
    }
}
