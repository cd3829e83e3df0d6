package org.opportune.shell.internal.salesperson;

import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;

public class ShowSalespersonTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final ShowSalesperson command = References.inject(new ShowSalesperson(), Salespeople.all());

    @Test
    public void printsEveryFieldAsAPropertyTable() throws Exception {
        command.code = "jo";
        command.execute();

        assertEquals(List.of(
                List.of("Code", "JO"),
                List.of("Name", "John Roberts"),
                List.of("Email", "jo@cronus.example"),
                List.of("Phone", "+44 20 1234"),
                List.of("Job Title", "Sales Manager"),
                List.of("Commission %", "12.5"),
                List.of("Blocked", "false"),
                List.of("Version", "3")), console.tableRows());
    }

    @Test
    public void anUnknownCodeIsReportedInOneLine() throws Exception {
        command.code = "zz";

        assertEquals("salesperson ZZ does not exist", refusalOf(command));
        assertEquals("", console.out());
    }

    @Test
    public void saysSoWhenTheSalespeopleModuleIsNotRunning() throws Exception {
        ShowSalesperson withoutService = new ShowSalesperson();
        withoutService.code = "JO";

        assertEquals("the salespeople module is not available", refusalOf(withoutService));
    }
}
