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

        assertEquals(List.of("Code | FIRM", "Description | Firm opportunities", "Probability Model | MULTIPLY",
                "Model Available | true", "Blocked | false", "Version | 5", "Changed By | admin",
                "Changed At | 2024-01-02T07:59:30Z",
                "Stage | Description | Completed % | Chances % | Quote Req. | Allow Skip | Date Formula | Activity"
                        + " | Max Days Idle",
                "1 | Initial contact | 10 | 0 | false | false | 5D | INIT | 14",
                "2 | Presentation | 33.33 | 50 | false | true | 1M+CM |  | ",
                "4 | Proposal | 75 | 80.5 | true | false |  | PROP | "), console.tableLines());
        assertEquals("", console.err());
    }

    @Test
    public void aCycleWithoutStagesSaysSoAndReportsItsMissingModel() throws Exception {
        command.code = "EXISTING";
        command.execute();

        List<String> rows = console.tableLines();
        assertEquals("Probability Model | WEIGHTED", rows.get(2));
        assertEquals("Model Available | false", rows.get(3));
        assertEquals(8, rows.size());
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
