package org.opportune.cycles.internal;

import java.io.Serializable;
import java.util.Objects;

/** The key of a stage: its cycle's code and its number. */
public class SalesCycleStageKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String salesCycleCode;
    private int stage;

    public SalesCycleStageKey() {
    }

    SalesCycleStageKey(String salesCycleCode, int stage) {
        this.salesCycleCode = salesCycleCode;
        this.stage = stage;
    }

    String salesCycleCode() {
        return salesCycleCode;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SalesCycleStageKey key && key.stage == stage
                && Objects.equals(key.salesCycleCode, salesCycleCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(salesCycleCode, stage);
    }

    /** The key as usage checks and messages name it, e.g. {@code STD/2}. */
    @Override
    public String toString() {
        return salesCycleCode + "/" + stage;
    }
}
