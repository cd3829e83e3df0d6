package org.opportune.shell.internal.cycle;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.probability.ProbabilityModelInfo;
import org.opportune.shell.internal.OpportuneCommand;
import org.opportune.shell.internal.RecordTable;

@Service
@Command(scope = "cycle", name = "models",
        description = "Lists the probability models installed right now;"
                + " an inactive one is outranked by another of its name")
public class ListProbabilityModels extends OpportuneCommand {

    @Reference(optional = true)
    private SalesCycleService cycles;

    @Override
    protected void run() {
        new RecordTable<ProbabilityModelInfo>()
                .column("Name", ProbabilityModelInfo::name)
                .column("Description", ProbabilityModelInfo::description)
                .column("Bundle", ProbabilityModelInfo::bundle)
                .number("Ranking", ProbabilityModelInfo::ranking)
                .column("Active", ProbabilityModelInfo::active)
                .print(require(cycles, "cycles").probabilityModels(), System.out);
    }
}
