package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.probability.ProbabilityModelInfo;
import org.opportune.shell.internal.OpportuneCommand;

@Service
@Command(scope = "cycle", name = "models",
        description = "Lists the probability models installed right now;"
                + " an inactive one is outranked by another of its name")
public class ListProbabilityModels extends OpportuneCommand {

    @Reference(optional = true)
    private SalesCycleService cycles;

    @Override
    protected void run() {
        ShellTable table = new ShellTable();
        table.column("Name");
        table.column("Description");
        table.column("Bundle");
        table.column("Ranking").alignRight();
        table.column("Active");
        for (ProbabilityModelInfo model : require(cycles, "cycles").probabilityModels()) {
            table.addRow().addContent(model.name(), model.description(), model.bundle(), model.ranking(),
                    model.active());
        }
        table.print(System.out);
    }
}
