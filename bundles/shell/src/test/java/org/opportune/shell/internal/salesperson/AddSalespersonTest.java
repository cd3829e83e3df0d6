package org.opportune.shell.internal.salesperson;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.math.BigDecimal;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.Logins;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.Views;
import org.opportune.shell.internal.Views.SalespersonView;

public class AddSalespersonTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeSalespersonService service = new FakeSalespersonService();
    private final AddSalesperson command = References.inject(new AddSalesperson(), service);

    /** Gives the arguments as typed after {@code salesperson:add}. */
    private void arguments(String code, String name) {
        command.code = code;
        command.name = name;
    }

    @Test
    public void createsTheSalespersonFromArgumentsAndOptions() throws Exception {
        arguments("jo", "John Roberts");
        command.email = "jo@cronus.example";
        command.phone = "+44 20 1234";
        command.jobTitle = "Sales Manager";
        command.commissionPercent = new BigDecimal("12.5");
        command.execute();

        assertEquals(new SalespersonView("JO", "John Roberts", "jo@cronus.example", "+44 20 1234", "Sales Manager",
                new BigDecimal("12.5"), false, null, 1L, "system", Views.COMMITTED), service.get("JO"));
        assertArrayEquals(new String[] {"Created salesperson JO"}, console.outLines());
    }

    @Test
    public void linksTheLoginGivenAndIsWrittenByTheLoginOfTheSession() throws Exception {
        References.inject(command, service.callers);
        arguments("AH", "Anna Hale");
        command.userName = "anna";
        Logins.execute(command, Logins.subject("admin", "admin", "opportune-admin"));

        assertEquals(new SalespersonView("AH", "Anna Hale", null, null, null, null, false, "anna", 1L, "admin",
                Views.COMMITTED), service.get("AH"));
        assertEquals(service.get("AH"), service.findByUserName("anna").orElseThrow());
    }

    @Test
    public void aLoginThatActsAsAnotherSalespersonIsReportedAsAFieldError() throws Exception {
        service.with(Salespeople.JOHN);
        arguments("JR", "John Roberts Jr");
        command.userName = "john";

        assertEquals("userName is taken by salesperson JO", refusalOf(command));
        assertFalse(service.find("JR").isPresent());
    }

    @Test
    public void namesEveryFieldAtFault() throws Exception {
        arguments("jo", " ");
        command.commissionPercent = new BigDecimal("120");

        assertEquals("name is required; commissionPercent must be between 0 and 100 (got 120)", refusalOf(command));
        assertFalse(service.find("JO").isPresent());
        assertEquals("", console.out());
    }

    @Test
    public void aTakenCodeIsReportedAsAFieldError() throws Exception {
        service.with(Salespeople.JOHN);
        arguments("JO", "Another John");

        assertEquals("code is taken by an existing salesperson", refusalOf(command));
    }
}
