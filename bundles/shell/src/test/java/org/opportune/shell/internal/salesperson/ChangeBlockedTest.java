package org.opportune.shell.internal.salesperson;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.math.BigDecimal;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.salesperson.SalespersonValues;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.Inputs;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.salesperson.FakeSalespersonService.Change;

public class ChangeBlockedTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeSalespersonService service = Salespeople.all();

    @Test
    public void blockUpdatesTheRecordAsReadWithBlockedSetAndTheVersionRead() throws Exception {
        BlockSalesperson block = References.inject(new BlockSalesperson(), service);
        block.code = "jo";
        block.execute();

        // the login stays linked
        assertEquals(List.of(new Change("JO", Inputs.fields(SalespersonValues.builder().name("John Roberts")
                .email("jo@cronus.example").phone("+44 20 1234").jobTitle("Sales Manager")
                .commissionPercent(new BigDecimal("12.50")).blocked(true).userName("john").build()), 3L)),
                service.updates);
        assertTrue(service.get("JO").blocked());
        assertArrayEquals(new String[] {"Salesperson JO is blocked"}, console.outLines());
    }

    @Test
    public void unblockUpdatesTheRecordAsReadWithBlockedCleared() throws Exception {
        UnblockSalesperson unblock = References.inject(new UnblockSalesperson(), service);
        unblock.code = "AH";
        unblock.execute();

        assertEquals(List.of(new Change("AH", Inputs.fields(SalespersonValues.builder().name("Anna Hale").build()),
                1L)), service.updates);
        assertArrayEquals(new String[] {"Salesperson AH is not blocked"}, console.outLines());
    }

    @Test
    public void anUnknownCodeUpdatesNothing() throws Exception {
        BlockSalesperson block = References.inject(new BlockSalesperson(), service);
        block.code = "ZZ";

        assertEquals("salesperson ZZ does not exist", refusalOf(block));
        assertEquals(List.of(), service.updates);
    }
}
