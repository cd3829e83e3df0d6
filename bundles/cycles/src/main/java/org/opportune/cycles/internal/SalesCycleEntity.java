package org.opportune.cycles.internal;

import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.opportune.api.cycle.SalesCycle;

@Entity
@Table(name = "SALES_CYCLE")
public class SalesCycleEntity {
    @Id
    @Column(name = "CODE", length = SalesCycle.CODE_LENGTH)
    private String code;

    @Column(name = "DESCRIPTION", length = SalesCycle.DESCRIPTION_LENGTH)
    private String description;

    @Column(name = "PROBABILITY_CALCULATION", length = SalesCycle.PROBABILITY_CALCULATION_LENGTH, nullable = false)
    private String probabilityCalculation;

    @Column(name = "BLOCKED", nullable = false)
    private boolean blocked;

    /** Also raised when a stage changes, so that the cycle's version covers its stages. */
    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected SalesCycleEntity() {
    }

    SalesCycleEntity(String code) {
        this.code = code;
    }

    /** Copies the editable fields; {@code probabilityCalculation} comes resolved to a model's name. */
    void apply(SalesCycle values, String resolvedProbabilityCalculation) {
        description = values.description();
        probabilityCalculation = resolvedProbabilityCalculation;
        blocked = values.blocked();
    }

    SalesCycle toRecord(List<SalesCycleStageEntity> stages, boolean probabilityModelAvailable) {
        return new SalesCycle(code, description, probabilityCalculation, blocked, probabilityModelAvailable,
                stages.stream().map(SalesCycleStageEntity::toRecord).toList(), version);
    }

    String code() {
        return code;
    }

    String probabilityCalculation() {
        return probabilityCalculation;
    }

    long version() {
        return version;
    }
}
