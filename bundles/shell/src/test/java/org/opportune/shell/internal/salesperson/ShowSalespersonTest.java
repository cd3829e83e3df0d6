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

        assertEquals(List.of("Code | JO", "Name | John Roberts", "Email | jo@cronus.example", "Phone | +44 20 1234",
                "Job Title | Sales Manager", "Commission % | 12.5", "Blocked | false", "User Name | john",
                "Version | 3", "Changed By | admin", "Changed At | 2024-01-05T08:00:00Z"), console.tableLines());
    }

    @Test
    public void aSalespersonNoOneChangedSince2Point0ShowsNoChangeAndNoLogin() throws Exception {
        command.code = "PS";
        command.execute();

        List<String> rows = console.tableLines();
        assertEquals("User Name | ", rows.get(7));
        assertEquals(List.of("Changed By | ", "Changed At | "), rows.subList(9, 11));
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
