package org.opportune.shell.internal.opportunity;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.PageRequest;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.ListOptions;
import org.opportune.shell.internal.References;

public class ListOpportunitiesTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeOpportunityService service = Opportunities.all();
    private final ListOpportunities command = References.inject(new ListOpportunities(), service);

    @Test
    public void printsEveryOpportunityWithAmountsOfTwoDecimalsAndTheCountUnderIt() throws Exception {
        command.execute();

        assertEquals(List.of(
                List.of("No.", "Description", "Contact", "Salesperson", "Cycle", "Stage", "Status", "Est. Value",
                        "CCV", "Est. Close"),
                List.of("OP000001", "Fleet renewal", "CT000002", "JO", "STD", "1", "IN_PROGRESS", "10000.00",
                        "250.00", "2024-03-31"),
                List.of("OP000002", "Office chairs", "CT000003", "AL", "STD", "", "NOT_STARTED", "", "", ""),
                List.of("OP000003", "Printer lease", "CT000001", "JO", "STD", "0", "WON", "12000.00", "11500.00",
                        "2024-02-15"),
                List.of("OP000004", "Service contract", "CT000001", "AL", "STD", "2", "IN_PROGRESS", "8333.33",
                        "1000.00", "2024-01-25")),
                console.tableRows());
        String[] lines = console.outLines();
        assertEquals("4 of 4", lines[lines.length - 1]);
        assertEquals(OpportunityQuery.all(), service.lastQuery);
        assertEquals(new PageRequest(0, PageRequest.DEFAULT_LIMIT, List.of()), service.lastPage);
    }

    @Test
    public void passesEveryFilterToTheService() throws Exception {
        ListOptions.text(command, "fleet");
        command.status = "in_progress";
        command.salespersonCode = "JO";
        command.contactNo = "CT000002";
        command.salesCycleCode = "STD";
        command.closed = "FALSE";
        command.execute();

        assertEquals(OpportunityQuery.all().withText("fleet").withStatus(OpportunityStatus.IN_PROGRESS)
                .withClosed(false).withSalespersonCode("JO").withContactNo("CT000002").withSalesCycleCode("STD"),
                service.lastQuery);
        assertEquals(List.of("OP000001"), console.tableRows().stream().skip(1).map(row -> row.get(0)).toList());
    }

    @Test
    public void pagesThroughTheOpenOnes() throws Exception {
        command.closed = "false";
        ListOptions.sort(ListOptions.page(command, 1, 1), "-no").execute();

        assertEquals(PageRequest.of(1, 1, "-no"), service.lastPage);
        assertEquals(List.of("OP000002"), console.tableRows().stream().skip(1).map(row -> row.get(0)).toList());
        String[] lines = console.outLines();
        assertEquals("1 of 3", lines[lines.length - 1]);
    }

    @Test
    public void anUnknownStatusAndAClosedThatIsNoBooleanAreFieldErrors() throws Exception {
        command.status = "open";
        assertEquals("status must be one of NOT_STARTED, IN_PROGRESS, WON, LOST (got 'open')", refusalOf(command));
        command.status = null;
        command.closed = "maybe";
        assertEquals("closed must be true or false (got 'maybe')", refusalOf(command));
        assertEquals("", console.out());
        assertNull(service.lastQuery);
    }
}
