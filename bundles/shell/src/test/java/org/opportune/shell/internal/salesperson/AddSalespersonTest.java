package org.opportune.shell.internal.salesperson;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.math.BigDecimal;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;

public class AddSalespersonTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeSalespersonService service = new FakeSalespersonService();
    private final AddSalesperson command = References.inject(new AddSalesperson(), service);

    @Test
    public void createsTheSalespersonFromArgumentsAndOptions() throws Exception {
        command.code = "jo";
        command.name = "John Roberts";
        command.email = "jo@cronus.example";
        command.phone = "+44 20 1234";
        command.jobTitle = "Sales Manager";
        command.commissionPercent = new BigDecimal("12.5");
        command.execute();

        assertEquals(new Salesperson("JO", "John Roberts", "jo@cronus.example", "+44 20 1234", "Sales Manager",
                new BigDecimal("12.5"), false, 1L), service.get("JO"));
        assertArrayEquals(new String[] {"Created salesperson JO"}, console.outLines());
    }

    @Test
    public void namesEveryFieldAtFault() throws Exception {
        command.code = "jo";
        command.name = " ";
        command.commissionPercent = new BigDecimal("120");

        assertEquals("name is required; commissionPercent must be between 0 and 100 (got 120)", refusalOf(command));
        assertFalse(service.find("JO").isPresent());
        assertEquals("", console.out());
    }

    @Test
    public void aTakenCodeIsReportedAsAFieldError() throws Exception {
        service.with(Salespeople.JOHN);
        command.code = "JO";
        command.name = "Another John";

        assertEquals("code is taken by an existing salesperson", refusalOf(command));
    }
}
