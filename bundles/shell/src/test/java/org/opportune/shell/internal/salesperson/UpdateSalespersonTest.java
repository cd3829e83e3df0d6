package org.opportune.shell.internal.salesperson;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.math.BigDecimal;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.salesperson.SalespersonValues;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.Inputs;
import org.opportune.shell.internal.Logins;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.Views;
import org.opportune.shell.internal.Views.SalespersonView;
import org.opportune.shell.internal.salesperson.FakeSalespersonService.Change;

public class UpdateSalespersonTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeSalespersonService service = Salespeople.all();
    private final UpdateSalesperson command = References.inject(new UpdateSalesperson(), service, service.callers);

    @Test
    public void linksALoginKeepingEveryOtherFieldAtTheVersionRead() throws Exception {
        command.code = "ps";
        command.userName = "peter";
        Logins.execute(command, Logins.subject("admin", "admin", "opportune-admin"));

        assertEquals(List.of(new Change("PS", Inputs.fields(SalespersonValues.builder().name("Peter Saddow")
                .email("ps@cronus.example").jobTitle("Sales Rep").commissionPercent(new BigDecimal("5"))
                .userName("peter").build()), 7L)), service.updates);
        assertEquals(new SalespersonView("PS", "Peter Saddow", "ps@cronus.example", null, "Sales Rep",
                new BigDecimal("5"), false, "peter", 8L, "admin", Views.COMMITTED), service.get("PS"));
        assertArrayEquals(new String[] {"Updated salesperson PS, linked to login peter"}, console.outLines());
    }

    @Test
    public void anEmptyValueClearsItsFieldSoThatTheLoginIsUnlinked() throws Exception {
        command.code = "JO";
        command.userName = "";
        command.phone = " ";
        command.execute();

        assertEquals(List.of(new Change("JO", Inputs.fields(SalespersonValues.builder().name("John Roberts")
                .email("jo@cronus.example").jobTitle("Sales Manager").commissionPercent(new BigDecimal("12.50"))
                .build()), 3L)), service.updates);
        assertArrayEquals(new String[] {"Updated salesperson JO, linked to no login"}, console.outLines());
    }

    @Test
    public void replacesTheFieldsGiven() throws Exception {
        command.code = "AH";
        command.name = "Anna Hale-Smith";
        command.email = "ah@cronus.example";
        command.jobTitle = "Key Account Manager";
        command.commissionPercent = new BigDecimal("7.5");
        command.execute();

        // still blocked
        assertEquals(new SalespersonView("AH", "Anna Hale-Smith", "ah@cronus.example", null, "Key Account Manager",
                new BigDecimal("7.5"), true, null, 2L, "system", Views.COMMITTED), service.get("AH"));
    }

    @Test
    public void aLoginThatActsAsAnotherSalespersonIsRefused() throws Exception {
        command.code = "PS";
        command.userName = "john";

        assertEquals("userName is taken by salesperson JO", refusalOf(command));
        assertEquals(Salespeople.PETER, service.get("PS"));
        assertEquals("", console.out());
    }

    @Test
    public void anUnknownCodeUpdatesNothing() throws Exception {
        command.code = "ZZ";
        command.userName = "zed";

        assertEquals("salesperson ZZ does not exist", refusalOf(command));
        assertEquals(List.of(), service.updates);
    }
}
