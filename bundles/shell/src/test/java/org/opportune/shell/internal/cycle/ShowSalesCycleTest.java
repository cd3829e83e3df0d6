package org.opportune.shell.internal.cycle;

import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;

public class ShowSalesCycleTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final ShowSalesCycle command = References.inject(new ShowSalesCycle(), SalesCycles.cycles());

    @Test
    public void printsTheCycleAndATableOfItsStagesInOrder() throws Exception {
        command.code = "firm";
        command.execute();

        assertEquals(List.of(
                List.of("Code", "FIRM"),
                List.of("Description", "Firm opportunities"),
                List.of("Probability Model", "MULTIPLY"),
                List.of("Model Available", "true"),
                List.of("Blocked", "false"),
                List.of("Version", "5"),
                List.of("Stage", "Description", "Completed %", "Chances %", "Quote Req.", "Allow Skip",
                        "Date Formula", "Activity"),
                List.of("1", "Initial contact", "10", "0", "false", "false", "5D", "INIT"),
                List.of("2", "Presentation", "33.33", "50", "false", "true", "1M+CM", ""),
                List.of("4", "Proposal", "75", "80.5", "true", "false", "", "PROP")), console.tableRows());
        assertEquals("", console.err());
    }

    @Test
    public void aCycleWithoutStagesSaysSoAndReportsItsMissingModel() throws Exception {
        command.code = "EXISTING";
        command.execute();

        List<List<String>> rows = console.tableRows();
        assertEquals(List.of("Probability Model", "WEIGHTED"), rows.get(2));
        assertEquals(List.of("Model Available", "false"), rows.get(3));
        assertEquals(6, rows.size());
        String[] lines = console.outLines();
        assertEquals("No stages", lines[lines.length - 1]);
    }

    @Test
    public void anUnknownCodeIsReportedInOneLine() throws Exception {
        command.code = "zz";

        assertEquals("sales cycle ZZ does not exist", refusalOf(command));
        assertEquals("", console.out());
    }

    @Test
    public void saysSoWhenTheCyclesModuleIsNotRunning() throws Exception {
        ShowSalesCycle withoutService = new ShowSalesCycle();
        withoutService.code = "FIRM";

        assertEquals("the cycles module is not available", refusalOf(withoutService));
    }
}
