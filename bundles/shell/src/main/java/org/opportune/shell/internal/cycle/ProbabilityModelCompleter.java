package org.opportune.shell.internal.cycle;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.probability.ProbabilityModelInfo;
import org.opportune.shell.internal.KeyCompleter;

/** Completes the names of the probability models installed right now. */
@Service
public class ProbabilityModelCompleter extends KeyCompleter {

    @Reference(optional = true)
    private SalesCycleService cycles;

    @Override
    protected List<String> keys(String typed) {
        // only the ones in use: a refused model's name names nothing a cycle could use
        return available(cycles).probabilityModels().stream().filter(ProbabilityModelInfo::active)
                .map(ProbabilityModelInfo::name).toList();
    }
}
