package org.opportune.shell.internal.salesperson;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.salesperson.FakeSalespersonService.Change;

public class DeleteSalespersonTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeSalespersonService service = Salespeople.all();
    private final DeleteSalesperson command = References.inject(new DeleteSalesperson(), service);

    @Test
    public void deletesTheSalespersonAtTheVersionRead() throws Exception {
        command.code = "ps";
        command.execute();

        assertEquals(List.of(new Change("PS", null, 7L)), service.deletes);
        assertFalse(service.find("PS").isPresent());
        assertArrayEquals(new String[] {"Deleted salesperson PS"}, console.outLines());
    }

    @Test
    public void anUnknownCodeIsReported() throws Exception {
        command.code = "zz";

        assertEquals("salesperson ZZ does not exist", refusalOf(command));
        assertEquals(List.of(), service.deletes);
    }
}
