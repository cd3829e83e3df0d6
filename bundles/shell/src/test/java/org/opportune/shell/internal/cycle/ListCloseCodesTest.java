package org.opportune.shell.internal.cycle;

import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.cycle.CloseOpportunityCodeQuery;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.ListOptions;
import org.opportune.shell.internal.References;

public class ListCloseCodesTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeCloseOpportunityCodeService service = SalesCycles.closeCodes();
    private final ListCloseCodes command = References.inject(new ListCloseCodes(), service);

    @Test
    public void printsEveryCodeWithItsType() throws Exception {
        command.execute();

        assertEquals(List.of(
                List.of("Code", "Type", "Description"),
                List.of("EXPENSIVE", "LOST", "Too expensive"),
                List.of("NOBUDGET", "LOST", ""),
                List.of("PRICE", "WON", "Better price")), console.tableRows());
        String[] lines = console.outLines();
        assertEquals("3 of 3", lines[lines.length - 1]);
        assertEquals(CloseOpportunityCodeQuery.all(), service.lastQuery);
    }

    @Test
    public void filtersByTypeInAnyCaseAndText() throws Exception {
        command.type = "lost";
        ListOptions.text(command, "exp");
        command.execute();

        assertEquals(CloseOpportunityCodeQuery.all().withText("exp").withType(CloseOpportunityCodeType.LOST),
                service.lastQuery);
        assertEquals(List.of("EXPENSIVE"), console.tableRows().stream().skip(1).map(row -> row.get(0)).toList());
    }

    @Test
    public void showsOnePageButCountsAllMatches() throws Exception {
        command.type = "LOST";
        ListOptions.page(command, 0, 1).execute();

        assertEquals(List.of("EXPENSIVE"), console.tableRows().stream().skip(1).map(row -> row.get(0)).toList());
        String[] lines = console.outLines();
        assertEquals("1 of 2", lines[lines.length - 1]);
    }

    @Test
    public void anUnknownTypeIsAFieldError() throws Exception {
        command.type = "DRAW";

        assertEquals("type must be one of WON, LOST (got 'DRAW')", refusalOf(command));
        assertEquals("", console.out());
    }

    @Test
    public void saysSoWhenTheCyclesModuleIsNotRunning() throws Exception {
        assertEquals("the cycles module is not available", refusalOf(new ListCloseCodes()));
    }
}
