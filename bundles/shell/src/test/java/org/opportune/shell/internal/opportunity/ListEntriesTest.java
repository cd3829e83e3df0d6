package org.opportune.shell.internal.opportunity;

import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.PageRequest;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.ListOptions;
import org.opportune.shell.internal.References;

public class ListEntriesTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeOpportunityService service = Opportunities.all();
    private final ListEntries command = References.inject(new ListEntries(), service);

    @Test
    public void printsTheHistoryOfTheWorkedExampleOldestFirst() throws Exception {
        command.no = "op000003";
        command.execute();

        assertEquals(List.of(
                List.of("Entry", "Stage", "Description", "Action", "Date", "Active", "Days Open", "EV", "CCV",
                        "Chances %", "Prob. %", "ECD", "Close Code", "By"),
                List.of("1", "1", "Initial", "NONE", "2024-01-10", "false", "10", "10000.00", "250.00", "25", "2.5",
                        "2024-03-31", "", ""),
                List.of("2", "2", "Qualification", "NEXT", "2024-01-20", "false", "16", "10000.00", "1200.00", "40",
                        "12", "2024-01-30", "", "john"),
                List.of("3", "3", "Proposal", "NEXT", "2024-02-05", "false", "10", "12000.00", "3960.00", "55", "33",
                        "2024-02-12", "", "john"),
                List.of("4", "0", "", "WON", "2024-02-15", "true", "0", "12000.00", "11500.00", "100", "100",
                        "2024-02-15", "WIN1", "john")),
                console.tableRows());
        String[] lines = console.outLines();
        assertEquals("4 of 4", lines[lines.length - 1]);
        assertEquals(new PageRequest(0, PageRequest.DEFAULT_LIMIT, List.of()), service.lastPage);
    }

    @Test
    public void pagesAndSortsThroughTheService() throws Exception {
        command.no = "OP000003";
        ListOptions.sort(ListOptions.page(command, 2, 1), "-entryNo").execute();

        assertEquals(PageRequest.of(2, 1, "-entryNo"), service.lastPage);
        assertEquals(List.of("3"), console.tableRows().stream().skip(1).map(row -> row.get(0)).toList());
        String[] lines = console.outLines();
        assertEquals("1 of 4", lines[lines.length - 1]);
    }

    @Test
    public void aNotStartedOpportunityHasAnEmptyHistory() throws Exception {
        command.no = "OP000002";
        command.execute();

        assertEquals(1, console.tableRows().size());
        String[] lines = console.outLines();
        assertEquals("0 of 0", lines[lines.length - 1]);
    }

    @Test
    public void anUnknownNoIsReportedInOneLine() throws Exception {
        command.no = "OP999999";

        assertEquals("opportunity OP999999 does not exist", refusalOf(command));
        assertEquals("", console.out());
    }
}
