package org.opportune.shell.internal.cycle;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.cycle.FakeSalesCycleService.StageChange;

public class DeleteStageTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeSalesCycleService service = SalesCycles.cycles().withActiveEntriesAt("FIRM", 2);
    private final DeleteStage command = References.inject(new DeleteStage(), service);

    private List<Integer> stagesOfFirm() {
        return service.get("FIRM").stages().stream().map(SalesCycleStage::stage).toList();
    }

    @Test
    public void deletesTheStageAtTheStageVersionRead() throws Exception {
        command.cycle = "firm";
        command.stage = 4;
        command.execute();

        assertEquals(List.of(new StageChange("FIRM", 4, null, 3L)), service.stageDeletes);
        assertEquals(List.of(1, 2), stagesOfFirm());
        assertArrayEquals(new String[] {"Deleted stage 4 of sales cycle FIRM"}, console.outLines());
    }

    @Test
    public void aStageWithActiveEntriesIsKept() throws Exception {
        command.cycle = "FIRM";
        command.stage = 2;

        assertEquals("sales cycle stage FIRM/2 cannot be deleted: 2 opportunities stand at it", refusalOf(command));
        assertEquals(List.of(1, 2, 4), stagesOfFirm());
        assertEquals("", console.out());
    }

    @Test
    public void anUnknownStageDeletesNothing() throws Exception {
        command.cycle = "FIRM";
        command.stage = 3;

        assertEquals("sales cycle stage FIRM/3 does not exist", refusalOf(command));
        assertEquals(List.of(), service.stageDeletes);
    }

    @Test
    public void anUnknownCycleDeletesNothing() throws Exception {
        command.cycle = "ZZ";
        command.stage = 1;

        assertEquals("sales cycle ZZ does not exist", refusalOf(command));
        assertEquals(List.of(), service.stageDeletes);
    }
}
