package org.opportune.shell.internal.cycle;

import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.PageRequest;
import org.opportune.api.cycle.SalesCycleQuery;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.ListOptions;
import org.opportune.shell.internal.References;

public class ListSalesCyclesTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeSalesCycleService service = SalesCycles.cycles();
    private final ListSalesCycles command = References.inject(new ListSalesCycles(), service);

    @Test
    public void printsEveryCycleWithItsModelAndStageCount() throws Exception {
        command.execute();

        assertEquals(List.of(
                List.of("Code", "Description", "Probability Model", "Model Available", "Stages", "Blocked"),
                List.of("EXISTING", "Existing customers", "WEIGHTED", "false", "0", "true"),
                List.of("FIRM", "Firm opportunities", "MULTIPLY", "true", "3", "false"),
                List.of("NEW", "", "ADD", "true", "0", "false")), console.tableRows());
        String[] lines = console.outLines();
        assertEquals("3 of 3", lines[lines.length - 1]);
        assertEquals(new PageRequest(0, PageRequest.DEFAULT_LIMIT, List.of()), service.lastPage);
        assertEquals("", console.err());
    }

    @Test
    public void filtersByTextAndBlocked() throws Exception {
        ListOptions.text(command, "i");
        ListOptions.blocked(command, "FALSE");
        command.execute();

        assertEquals(SalesCycleQuery.all().withText("i").withBlocked(false), service.lastQuery);
        assertEquals(List.of("FIRM"), console.tableRows().stream().skip(1).map(row -> row.get(0)).toList());
    }

    @Test
    public void showsOnePageButCountsAllMatches() throws Exception {
        ListOptions.page(command, 2, 1).execute();

        assertEquals(List.of("NEW"), console.tableRows().stream().skip(1).map(row -> row.get(0)).toList());
        String[] lines = console.outLines();
        assertEquals("1 of 3", lines[lines.length - 1]);
    }

    @Test
    public void aBlockedValueOtherThanTrueOrFalseIsAFieldError() throws Exception {
        ListOptions.blocked(command, "yes");

        assertEquals("blocked must be true or false (got 'yes')", refusalOf(command));
        assertEquals("", console.out());
    }

    @Test
    public void anUnknownSortFieldIsReportedByTheService() throws Exception {
        assertEquals("sort unknown sort field 'stages'", refusalOf(ListOptions.sort(command, "stages")));
    }

    @Test
    public void saysSoWhenTheCyclesModuleIsNotRunning() throws Exception {
        assertEquals("the cycles module is not available", refusalOf(new ListSalesCycles()));
    }
}
