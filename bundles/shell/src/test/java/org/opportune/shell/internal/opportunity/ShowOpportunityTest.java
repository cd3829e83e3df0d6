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

        assertEquals(List.of("No. | OP000004", "Description | Service contract", "Contact No. | CT000001",
                "Contact Company No. | CT000001", "Salesperson | AL", "Sales Cycle | STD", "Priority | NORMAL",
                "Creation Date | 2024-01-15", "Status | IN_PROGRESS", "Closed | false", "Date Closed | ",
                "Current Stage | 2", "Estimated Value | 8333.33", "Chances of Success % | 40", "Completed % | 30",
                "Probability % | 12", "Calculated Current Value | 1000.00", "Estimated Close Date | 2024-01-25",
                "Close Code | ", "Sales Quote No. | SQ1001", "Sales Quote Amount | 8333.33", "Version | 4",
                "Changed By | alice", "Changed At | 2024-01-18T11:00:00Z"), console.tableLines());
    }

    @Test
    public void aNotStartedOpportunityHasNoStageValuesNorQuote() throws Exception {
        command.no = "OP000002";
        command.execute();

        List<String> rows = console.tableLines();
        assertEquals(List.of("Status | NOT_STARTED", "Current Stage | ", "Estimated Value | ", "Probability % | ",
                "Sales Quote Amount | ", "Changed By | ", "Changed At | "),
                List.of(rows.get(8), rows.get(11), rows.get(12), rows.get(15), rows.get(20), rows.get(22),
                        rows.get(23)));
    }

    @Test
    public void aWonOpportunityShowsItsCloseCodeAndDate() throws Exception {
        command.no = "OP000003";
        command.execute();

        List<String> rows = console.tableLines();
        assertEquals(List.of("Closed | true", "Date Closed | 2024-02-15", "Calculated Current Value | 11500.00",
                "Close Code | WIN1", "Changed By | john", "Changed At | 2024-02-15T14:02:03Z"),
                List.of(rows.get(9), rows.get(10), rows.get(16), rows.get(18), rows.get(22), rows.get(23)));
    }

    @Test
    public void anUnknownNoIsReportedInOneLine() throws Exception {
        command.no = "OP999999";

        assertEquals("opportunity OP999999 does not exist", refusalOf(command));
        assertEquals("", console.out());
    }
}
