package org.opportune.shell.internal.cycle;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

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
    public void deletesTheCycleAtTheVersionRead() throws Exception {
        command.code = "firm";
        command.execute();

        assertEquals(List.of(new Change("FIRM", null, 5L)), service.deletes);
        assertFalse(service.find("FIRM").isPresent());
        assertArrayEquals(new String[] {"Deleted sales cycle FIRM"}, console.outLines());
    }

    @Test
    public void aCycleWithOpenOpportunitiesIsKept() throws Exception {
        command.code = "EXISTING";

        assertEquals("sales cycle EXISTING cannot be deleted: it has open opportunities", refusalOf(command));
        assertTrue(service.find("EXISTING").isPresent());
        assertEquals("", console.out());
    }

    @Test
    public void anUnknownCodeDeletesNothing() throws Exception {
        command.code = "zz";

        assertEquals("sales cycle ZZ does not exist", refusalOf(command));
        assertEquals(List.of(), service.deletes);
    }
}
