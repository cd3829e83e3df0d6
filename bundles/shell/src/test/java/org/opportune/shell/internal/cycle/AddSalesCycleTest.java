package org.opportune.shell.internal.cycle;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;

public class AddSalesCycleTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeSalesCycleService service = SalesCycles.cycles();
    private final AddSalesCycle command = References.inject(new AddSalesCycle(), service);

    @Test
    public void createsAnUnblockedCycleWithoutStagesLeavingTheModelToTheServiceDefault() throws Exception {
        command.code = "large";
        command.description = "Large accounts";
        command.execute();

        assertEquals(List.of(new SalesCycle("large", "Large accounts", null, false, null)), service.creates);
        assertEquals(new SalesCycle("LARGE", "Large accounts", "MULTIPLY", false, true, List.of(), 1L),
                service.get("LARGE"));
        assertArrayEquals(new String[] {"Created sales cycle LARGE computing with MULTIPLY"}, console.outLines());
    }

    @Test
    public void passesTheModelGiven() throws Exception {
        command.code = "SMALL";
        command.description = "Small accounts";
        command.model = "add";
        command.execute();

        assertEquals("add", service.creates.get(0).probabilityCalculation());
        assertEquals("ADD", service.get("SMALL").probabilityCalculation());
        assertArrayEquals(new String[] {"Created sales cycle SMALL computing with ADD"}, console.outLines());
    }

    @Test
    public void aModelThatIsNotInstalledIsRefusedNamingTheInstalledOnes() throws Exception {
        command.code = "SMALL";
        command.description = "Small accounts";
        command.model = "WEIGHTED";

        assertEquals("probabilityCalculation names probability model WEIGHTED, which is not installed;"
                + " installed: ADD, MULTIPLY", refusalOf(command));
        assertFalse(service.find("SMALL").isPresent());
        assertEquals("", console.out());
    }

    @Test
    public void namesEveryFieldAtFault() throws Exception {
        command.code = "MUCH-TOO-LONG";
        command.description = "x".repeat(101);

        assertEquals("code must be at most 10 characters (got 13); description must be at most 100 characters"
                + " (got 101)", refusalOf(command));
    }

    @Test
    public void aTakenCodeIsReported() throws Exception {
        command.code = "firm";
        command.description = "Again";

        assertEquals("code is taken by an existing sales cycle", refusalOf(command));
        assertEquals(SalesCycles.FIRM, service.get("FIRM"));
    }
}
