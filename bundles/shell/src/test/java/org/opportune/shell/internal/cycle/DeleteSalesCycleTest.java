package org.opportune.shell.internal.cycle;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.cycle.FakeSalesCycleService.Change;

public class DeleteSalesCycleTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeSalesCycleService service = SalesCycles.cycles().withOpenOpportunitiesOn("EXISTING");
    private final DeleteSalesCycle command = References.inject(new DeleteSalesCycle(), service);

    @Test
    public void deletesTheCycleAtTheVersionRead() {
        command.code = "firm";
        command.execute();

        assertEquals(List.of(new Change("FIRM", null, 5L)), service.deletes);
        assertFalse(service.find("FIRM").isPresent());
        assertArrayEquals(new String[] {"Deleted sales cycle FIRM"}, console.outLines());
    }

    @Test
    public void aCycleWithOpenOpportunitiesIsKept() {
        command.code = "EXISTING";
        command.execute();

        assertArrayEquals(new String[] {"Error: sales cycle EXISTING cannot be deleted: it has open opportunities"},
                console.errLines());
        assertTrue(service.find("EXISTING").isPresent());
        assertEquals("", console.out());
    }

    @Test
    public void anUnknownCodeDeletesNothing() {
        command.code = "zz";
        command.execute();

        assertEquals(List.of(), service.deletes);
        assertArrayEquals(new String[] {"Error: sales cycle ZZ does not exist"}, console.errLines());
    }
}
