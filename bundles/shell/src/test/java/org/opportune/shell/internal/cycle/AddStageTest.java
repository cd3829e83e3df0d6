package org.opportune.shell.internal.cycle;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.math.BigDecimal;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.cycle.StageValues;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.Inputs;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.Views;
import org.opportune.shell.internal.Views.StageView;
import org.opportune.shell.internal.cycle.FakeSalesCycleService.StageChange;

public class AddStageTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeSalesCycleService service = SalesCycles.cycles();
    private final AddStage command = References.inject(new AddStage(), service);

    /** Gives the arguments as typed after {@code cycle:stage-add}. */
    private void arguments(String cycle, Integer stage, String description) {
        command.cycle = cycle;
        command.stage = stage;
        command.description = description;
    }

    @Test
    public void addsTheStageFromArgumentsAndOptionsAtTheCycleVersionRead() throws Exception {
        arguments("firm", 3, "Demo");
        command.completedPercent = new BigDecimal("50");
        command.chancesOfSuccessPercent = new BigDecimal("62.5");
        command.quoteRequired = true;
        command.allowSkip = true;
        command.dateFormula = "2w";
        command.activityCode = "demo";
        command.maxDaysIdle = 10;
        command.execute();

        StageValues sent = StageValues.builder(3).description("Demo").completedPercent(new BigDecimal("50"))
                .chancesOfSuccessPercent(new BigDecimal("62.5")).activityCode("demo").quoteRequired(true)
                .allowSkip(true).dateFormula("2w").maxDaysIdle(10).build();
        assertEquals(List.of(new StageChange("FIRM", 3, Inputs.fields(sent), 5L)), service.stageAdds);
        assertEquals(List.of(1, 2, 3, 4), service.get("FIRM").stages().stream().map(SalesCycleStage::stage).toList());
        assertArrayEquals(new String[] {"Added stage 3 to sales cycle FIRM"}, console.outLines());
    }

    @Test
    public void sendsOnlyTheArgumentsWhenNoOptionIsGiven() throws Exception {
        arguments("NEW", 1, "Qualification");
        command.execute();

        assertEquals(List.of(new StageChange("NEW", 1,
                Inputs.fields(StageValues.builder(1).description("Qualification").build()), 1L)),
                service.stageAdds);
        assertEquals(new StageView(1, "Qualification", BigDecimal.ZERO, BigDecimal.ZERO, null, false, false,
                null, null, 1L, "system", Views.COMMITTED), service.getStage("NEW", 1));
    }

    @Test
    public void namesEveryFieldOfTheStageAtFault() throws Exception {
        arguments("NEW", 0, "Nothing");
        command.completedPercent = new BigDecimal("120");
        command.dateFormula = "5X";

        assertEquals("completedPercent must be between 0 and 100 (got 120); stage must be 1 or more (got 0);"
                + " dateFormula '5X' is not a valid date formula: 'X' at position 2 is not a unit;"
                + " use D (days), W (weeks), M (months), Q (quarters) or Y (years)", refusalOf(command));
        assertEquals(List.of(), service.get("NEW").stages());
        assertEquals("", console.out());
    }

    @Test
    public void aStageNumberTakenIsReported() throws Exception {
        arguments("FIRM", 2, "Again");

        assertEquals("stage is taken by an existing stage of sales cycle FIRM", refusalOf(command));
        assertEquals(SalesCycles.FIRM, service.get("FIRM"));
    }

    @Test
    public void anUnknownCycleAddsNothing() throws Exception {
        arguments("zz", 1, "First");

        assertEquals("sales cycle ZZ does not exist", refusalOf(command));
        assertEquals(List.of(), service.stageAdds);
    }
}
