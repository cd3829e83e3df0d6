package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.shell.internal.PropertyTable;
import org.opportune.shell.internal.RecordTable;

@Service
@Command(scope = "cycle", name = "show", description = "Shows a sales cycle with its stages")
public class ShowSalesCycle extends SalesCycleCommand {

    @Override
    protected void run() {
        SalesCycle cycle = cycles().get(code);
        new PropertyTable()
                .add("Code", cycle.code())
                .add("Description", cycle.description())
                .add("Probability Model", cycle.probabilityCalculation())
                .add("Model Available", cycle.probabilityModelAvailable())
                .add("Blocked", cycle.blocked())
                .add("Version", cycle.version())
                .changed(cycle)
                .print(System.out);
        System.out.println();
        if (cycle.stages() == null || cycle.stages().isEmpty()) {
            System.out.println("No stages");
            return;
        }
        new RecordTable<SalesCycleStage>()
                .number("Stage", SalesCycleStage::stage)
                .column("Description", SalesCycleStage::description)
                .percent("Completed %", SalesCycleStage::completedPercent)
                .percent("Chances %", SalesCycleStage::chancesOfSuccessPercent)
                .column("Quote Req.", SalesCycleStage::quoteRequired)
                .column("Allow Skip", SalesCycleStage::allowSkip)
                .column("Date Formula", SalesCycleStage::dateFormula)
                .column("Activity", SalesCycleStage::activityCode)
                .number("Max Days Idle", SalesCycleStage::maxDaysIdle)
                .print(cycle.stages(), System.out);
    }
}
