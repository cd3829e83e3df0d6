package org.opportune.shell.internal.salesperson;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.salesperson.FakeSalespersonService.Change;

public class ChangeBlockedTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeSalespersonService service = Salespeople.all();

    @Test
    public void blockUpdatesTheRecordAsReadWithBlockedSetAndTheVersionRead() {
        BlockSalesperson block = References.inject(new BlockSalesperson(), service);
        block.code = "jo";
        block.execute();

        assertEquals(List.of(new Change("JO", Salespeople.JOHN.withBlocked(true), 3L)), service.updates);
        assertTrue(service.get("JO").blocked());
        assertArrayEquals(new String[] {"Salesperson JO is blocked"}, console.outLines());
    }

    @Test
    public void unblockUpdatesTheRecordAsReadWithBlockedCleared() {
        UnblockSalesperson unblock = References.inject(new UnblockSalesperson(), service);
        unblock.code = "AH";
        unblock.execute();

        assertEquals(List.of(new Change("AH", Salespeople.ANNA.withBlocked(false), 1L)), service.updates);
        assertArrayEquals(new String[] {"Salesperson AH is not blocked"}, console.outLines());
    }

    @Test
    public void anUnknownCodeUpdatesNothing() {
        BlockSalesperson block = References.inject(new BlockSalesperson(), service);
        block.code = "ZZ";
        block.execute();

        assertEquals(List.of(), service.updates);
        assertArrayEquals(new String[] {"Error: salesperson ZZ does not exist"}, console.errLines());
    }
}
