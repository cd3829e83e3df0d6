package org.opportune.cycles.internal;

import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.cycle.SalesCycleValues;
import org.opportune.persistence.AuditedEntity;

@Entity
@Table(name = "SALES_CYCLE")
public class SalesCycleEntity extends AuditedEntity {
    @Id
    @Column(name = "CODE", length = SalesCycle.CODE_LENGTH)
    private String code;

    @Column(name = "DESCRIPTION", length = SalesCycle.DESCRIPTION_LENGTH)
    private String description;

    @Column(name = "PROBABILITY_CALCULATION", length = SalesCycle.PROBABILITY_CALCULATION_LENGTH, nullable = false)
    private String probabilityCalculation;

    @Column(name = "BLOCKED", nullable = false)
    private boolean blocked;

    protected SalesCycleEntity() {
    }

    SalesCycleEntity(String code) {
        this.code = code;
    }

    /** Copies the editable fields; {@code probabilityCalculation} comes resolved to a model's name. */
    void apply(SalesCycleValues values, String resolvedProbabilityCalculation) {
        description = values.description();
        probabilityCalculation = resolvedProbabilityCalculation;
        blocked = values.blocked();
    }

    /**
     * @param stages the cycle's stages in ascending order; the cycle's version and last change cover them too, as
     *               the service raises and stamps the cycle with every stage change
     */
    SalesCycleView toView(List<SalesCycleStageEntity> stages, boolean probabilityModelAvailable) {
        return new SalesCycleView(code, description, probabilityCalculation, blocked, probabilityModelAvailable,
                stages.stream().<SalesCycleStage>map(SalesCycleStageEntity::toView).toList(),
                version(), changedBy(), changedAt());
    }

    String code() {
        return code;
    }

    String probabilityCalculation() {
        return probabilityCalculation;
    }
}
