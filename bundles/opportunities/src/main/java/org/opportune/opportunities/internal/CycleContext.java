package org.opportune.opportunities.internal;

import java.util.List;

import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.probability.ProbabilityModel;
import org.opportune.opportunities.internal.engine.CycleStages;
import org.opportune.opportunities.internal.engine.Probability;

/**
 * What a move needs from the cycles module — the stages and the probability model of the
 * opportunity's cycle — read <em>before</em> the move's transaction opens. The cycles module reads
 * on its own connection; asking it while this module holds a connection and the opportunity's row
 * lock would make every request need two connections at once, and a full pool would then wait on
 * itself forever.
 */
record CycleContext(String code, Deferred<CycleStages> stages, Deferred<ProbabilityModel> model) {

    /** @param code the cycle the opportunity named when it was read; null when there is no such opportunity */
    static CycleContext read(Modules modules, String code) {
        Deferred<SalesCycleService> service = Deferred.of(modules::cycles);
        // one read of the cycle for both: each read checks the cycles' cache generation in the database
        Deferred<SalesCycle> cycle = Deferred.of(() -> service.get().find(code)
                .orElseThrow(() -> new ConflictException("sales cycle " + code + " no longer exists",
                        List.of(new FieldError("salesCycleCode", "names a sales cycle that no longer exists")))));
        return new CycleContext(code, Deferred.of(() -> new CycleStages(cycle.get().code(), cycle.get().stages())),
                Deferred.of(() -> service.get().probabilityModel(cycle.get())));
    }

    /** @param cycle the cycle as just read for a new opportunity */
    static CycleContext of(SalesCycleService service, SalesCycle cycle) {
        return new CycleContext(cycle.code(), Deferred.of(() -> new CycleStages(cycle.code(), cycle.stages())),
                Deferred.of(() -> service.probabilityModel(cycle)));
    }

    /** @throws org.opportune.api.OpportuneException when first used, if the cycle or its model could not be had */
    Probability probability() {
        return (completed, chances) -> model.get().probability(completed, chances);
    }
}
