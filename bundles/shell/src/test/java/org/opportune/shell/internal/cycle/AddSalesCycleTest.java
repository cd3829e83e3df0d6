package org.opportune.shell.internal.cycle;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.cycle.SalesCycleValues;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.Inputs;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.Views;
import org.opportune.shell.internal.Views.SalesCycleView;
import org.opportune.shell.internal.cycle.FakeSalesCycleService.Change;

public class AddSalesCycleTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeSalesCycleService service = SalesCycles.cycles();
    private final AddSalesCycle command = References.inject(new AddSalesCycle(), service);

    /** Gives the arguments as typed after {@code cycle:add}. */
    private void arguments(String code, String description) {
        command.code = code;
        command.description = description;
    }

    @Test
    public void createsAnUnblockedCycleWithoutStagesLeavingTheModelToTheServiceDefault() throws Exception {
        arguments("large", "Large accounts");
        command.execute();

        assertEquals(List.of(new Change("large", Inputs.fields(SalesCycleValues.builder()
                .description("Large accounts").build()), null)), service.creates);
        assertEquals(new SalesCycleView("LARGE", "Large accounts", "MULTIPLY", false, true, List.of(), 1L, "system",
                Views.COMMITTED), service.get("LARGE"));
        assertArrayEquals(new String[] {"Created sales cycle LARGE computing with MULTIPLY"}, console.outLines());
    }

    @Test
    public void passesTheModelGiven() throws Exception {
        arguments("SMALL", "Small accounts");
        command.model = "add";
        command.execute();

        assertEquals("add", service.creates.get(0).sent().get("probabilityCalculation"));
        assertEquals("ADD", service.get("SMALL").probabilityCalculation());
        assertArrayEquals(new String[] {"Created sales cycle SMALL computing with ADD"}, console.outLines());
    }

    @Test
    public void aModelThatIsNotInstalledIsRefusedNamingTheInstalledOnes() throws Exception {
        arguments("SMALL", "Small accounts");
        command.model = "WEIGHTED";

        assertEquals("probabilityCalculation names probability model WEIGHTED, which is not installed;"
                + " installed: ADD, MULTIPLY", refusalOf(command));
        assertFalse(service.find("SMALL").isPresent());
        assertEquals("", console.out());
    }

    @Test
    public void namesEveryFieldAtFault() throws Exception {
        arguments("MUCH-TOO-LONG", "x".repeat(101));

        assertEquals("code must be at most 10 characters (got 13); description must be at most 100 characters"
                + " (got 101)", refusalOf(command));
    }

    @Test
    public void aTakenCodeIsReported() throws Exception {
        arguments("firm", "Again");

        assertEquals("code is taken by an existing sales cycle", refusalOf(command));
        assertEquals(SalesCycles.FIRM, service.get("FIRM"));
    }
}
