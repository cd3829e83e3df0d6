package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.shell.internal.OpportuneCommand;
import org.opportune.shell.internal.PropertyTable;

@Service
@Command(scope = "cycle", name = "show", description = "Shows a sales cycle with its stages")
public class ShowSalesCycle extends OpportuneCommand {

    @Reference(optional = true)
    private SalesCycleService cycles;

    @Argument(index = 0, name = "code", description = "The sales cycle's code", required = true)
    @Completion(SalesCycleCodeCompleter.class)
    String code;

    @Override
    protected void run() {
        SalesCycle cycle = require(cycles, "cycles").get(code);
        new PropertyTable()
                .add("Code", cycle.code())
                .add("Description", cycle.description())
                .add("Probability Model", cycle.probabilityCalculation())
                .add("Model Available", cycle.probabilityModelAvailable())
                .add("Blocked", cycle.blocked())
                .add("Version", cycle.version())
                .print(System.out);
        System.out.println();
        if (cycle.stages() == null || cycle.stages().isEmpty()) {
            System.out.println("No stages");
            return;
        }
        stages(cycle).print(System.out);
    }

    private static ShellTable stages(SalesCycle cycle) {
        ShellTable table = new ShellTable();
        table.column("Stage").alignRight();
        table.column("Description");
        table.column("Completed %").alignRight();
        table.column("Chances %").alignRight();
        table.column("Quote Req.");
        table.column("Allow Skip");
        table.column("Date Formula");
        table.column("Activity");
        for (SalesCycleStage stage : cycle.stages()) {
            table.addRow().addContent(stage.stage(), stage.description(), percent(stage.completedPercent()),
                    percent(stage.chancesOfSuccessPercent()), stage.quoteRequired(), stage.allowSkip(),
                    stage.dateFormula(), stage.activityCode());
        }
        return table;
    }
}
