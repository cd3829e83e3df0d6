package org.opportune.opportunities.internal.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.opportune.api.cycle.SalesCycleStage;

/** The stages of one sales cycle in ascending order, and the neighbours the actions look for. */
public final class CycleStages {
    private final String cycleCode;
    private final List<SalesCycleStage> stages;

    public CycleStages(String cycleCode, List<SalesCycleStage> stages) {
        this.cycleCode = cycleCode;
        this.stages = stages.stream().sorted(Comparator.comparingInt(SalesCycleStage::stage)).toList();
    }

    public String cycleCode() {
        return cycleCode;
    }

    public List<SalesCycleStage> all() {
        return stages;
    }

    public boolean isEmpty() {
        return stages.isEmpty();
    }

    public Optional<SalesCycleStage> find(int number) {
        return stages.stream().filter(stage -> stage.stage() == number).findFirst();
    }

    /** Only when not empty. */
    public SalesCycleStage lowest() {
        return stages.get(0);
    }

    /** @return the stages numbered above {@code number}, ascending */
    public List<SalesCycleStage> above(int number) {
        return stages.stream().filter(stage -> stage.stage() > number).toList();
    }

    /** @return the stages numbered below {@code number}, ascending */
    public List<SalesCycleStage> below(int number) {
        return stages.stream().filter(stage -> stage.stage() < number).toList();
    }
}
