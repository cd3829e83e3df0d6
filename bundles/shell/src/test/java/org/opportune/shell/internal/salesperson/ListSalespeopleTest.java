package org.opportune.shell.internal.salesperson;

import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.ListOptions;
import org.opportune.shell.internal.References;

public class ListSalespeopleTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeSalespersonService service = Salespeople.all();
    private final ListSalespeople command = References.inject(new ListSalespeople(), service);

    @Test
    public void printsEverySalespersonInATableWithTheCountUnderIt() throws Exception {
        command.execute();

        assertEquals(List.of(
                List.of("Code", "Name", "Email", "Phone", "Job Title", "Commission %", "Blocked", "User Name"),
                List.of("AH", "Anna Hale", "", "", "", "", "true", ""),
                List.of("JO", "John Roberts", "jo@cronus.example", "+44 20 1234", "Sales Manager", "12.5", "false",
                        "john"),
                List.of("PS", "Peter Saddow", "ps@cronus.example", "", "Sales Rep", "5", "false", "")),
                console.tableRows());
        String[] lines = console.outLines();
        assertEquals("3 of 3", lines[lines.length - 1]);
        assertEquals("", console.err());
    }

    @Test
    public void filtersByTextAndBlocked() throws Exception {
        ListOptions.text(command, "o");
        ListOptions.blocked(command, "false");
        command.execute();

        assertEquals(SalespersonQuery.all().withText("o").withBlocked(false), service.lastQuery);
        assertEquals(List.of("JO", "PS"), console.tableRows().stream().skip(1).map(row -> row.get(0)).toList());
    }

    @Test
    public void showsOnePageButCountsAllMatches() throws Exception {
        ListOptions.page(command, 1, 1).execute();

        assertEquals(List.of("JO"), console.tableRows().stream().skip(1).map(row -> row.get(0)).toList());
        String[] lines = console.outLines();
        assertEquals("1 of 3", lines[lines.length - 1]);
    }

    @Test
    public void aBlockedValueOtherThanTrueOrFalseIsAFieldError() throws Exception {
        ListOptions.blocked(command, "maybe");

        assertEquals("blocked must be true or false (got 'maybe')", refusalOf(command));
        assertEquals("", console.out());
    }

    @Test
    public void anUnknownSortFieldIsReportedByTheService() throws Exception {
        assertEquals("sort unknown sort field 'age'", refusalOf(ListOptions.sort(command, "age")));
    }
}
