package org.opportune.shell.internal.cycle;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.cycle.SalesCycleValues;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.Inputs;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.cycle.FakeSalesCycleService.Change;

public class ChangeCycleBlockedTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeSalesCycleService service = SalesCycles.cycles();

    @Test
    public void blockUpdatesTheCycleAsReadWithBlockedSetAndItsStagesKept() throws Exception {
        BlockSalesCycle block = References.inject(new BlockSalesCycle(), service);
        block.code = "firm";
        block.execute();

        assertEquals(List.of(new Change("FIRM", Inputs.fields(SalesCycleValues.builder()
                .description("Firm opportunities").probabilityCalculation("MULTIPLY").blocked(true).build()), 5L)),
                service.updates);
        assertTrue(service.get("FIRM").blocked());
        assertEquals(SalesCycles.FIRM.stages(), service.get("FIRM").stages());
        assertArrayEquals(new String[] {"Sales cycle FIRM is blocked"}, console.outLines());
    }

    @Test
    public void unblockWorksOnACycleWhoseModelIsNotInstalled() throws Exception {
        UnblockSalesCycle unblock = References.inject(new UnblockSalesCycle(), service);
        unblock.code = "EXISTING";
        unblock.execute();

        assertEquals(List.of(new Change("EXISTING", Inputs.fields(SalesCycleValues.builder()
                .description("Existing customers").probabilityCalculation("WEIGHTED").build()), 2L)),
                service.updates);
        assertEquals("WEIGHTED", service.get("EXISTING").probabilityCalculation());
        assertArrayEquals(new String[] {"Sales cycle EXISTING is not blocked"}, console.outLines());
    }

    @Test
    public void anUnknownCodeUpdatesNothing() throws Exception {
        BlockSalesCycle block = References.inject(new BlockSalesCycle(), service);
        block.code = "ZZ";

        assertEquals("sales cycle ZZ does not exist", refusalOf(block));
        assertEquals(List.of(), service.updates);
    }
}
