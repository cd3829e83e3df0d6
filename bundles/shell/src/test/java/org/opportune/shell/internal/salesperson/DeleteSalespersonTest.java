package org.opportune.shell.internal.salesperson;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

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
    public void deletesTheSalespersonAtTheVersionRead() {
        command.code = "ps";
        command.execute();

        assertEquals(List.of(new Change("PS", null, 7L)), service.deletes);
        assertFalse(service.find("PS").isPresent());
        assertArrayEquals(new String[] {"Deleted salesperson PS"}, console.outLines());
    }

    @Test
    public void anUnknownCodeIsReported() {
        command.code = "zz";
        command.execute();

        assertEquals(List.of(), service.deletes);
        assertArrayEquals(new String[] {"Error: salesperson ZZ does not exist"}, console.errLines());
    }
}
