package org.opportune.cycles.internal;

import java.math.BigDecimal;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.persistence.AuditedEntity;

/** A stage, linked to its cycle by the cycle's code only: the service keeps the two together. */
@Entity
@IdClass(SalesCycleStageKey.class)
@Table(name = "SALES_CYCLE_STAGE")
public class SalesCycleStageEntity extends AuditedEntity {
    @Id
    @Column(name = "SALES_CYCLE_CODE", length = SalesCycle.CODE_LENGTH)
    private String salesCycleCode;

    @Id
    @Column(name = "STAGE")
    private int stage;

    @Column(name = "DESCRIPTION", length = SalesCycleStage.DESCRIPTION_LENGTH)
    private String description;

    @Column(name = "COMPLETED_PERCENT", precision = 8, scale = SalesCycleStage.PERCENT_DECIMALS, nullable = false)
    private BigDecimal completedPercent;

    @Column(name = "CHANCES_OF_SUCCESS_PERCENT", precision = 8, scale = SalesCycleStage.PERCENT_DECIMALS,
            nullable = false)
    private BigDecimal chancesOfSuccessPercent;

    @Column(name = "ACTIVITY_CODE", length = SalesCycleStage.ACTIVITY_CODE_LENGTH)
    private String activityCode;

    /** Null for no limit. */
    @Column(name = "MAX_DAYS_IDLE")
    private Integer maxDaysIdle;

    @Column(name = "QUOTE_REQUIRED", nullable = false)
    private boolean quoteRequired;

    @Column(name = "ALLOW_SKIP", nullable = false)
    private boolean allowSkip;

    /** The canonical text of the formula, null for none. */
    @Column(name = "DATE_FORMULA", length = SalesCycleStage.DATE_FORMULA_LENGTH)
    private String dateFormula;

    protected SalesCycleStageEntity() {
    }

    SalesCycleStageEntity(String salesCycleCode, int stage) {
        this.salesCycleCode = salesCycleCode;
        this.stage = stage;
    }

    /** @return true when a value changed */
    boolean apply(CheckedStage values) {
        boolean changed = !Objects.equals(description, values.description())
                || !sameNumber(completedPercent, values.completedPercent())
                || !sameNumber(chancesOfSuccessPercent, values.chancesOfSuccessPercent())
                || !Objects.equals(activityCode, values.activityCode())
                || !Objects.equals(maxDaysIdle, values.maxDaysIdle())
                || quoteRequired != values.quoteRequired()
                || allowSkip != values.allowSkip()
                || !Objects.equals(dateFormula, values.dateFormula());
        if (changed) {
            description = values.description();
            completedPercent = values.completedPercent();
            chancesOfSuccessPercent = values.chancesOfSuccessPercent();
            activityCode = values.activityCode();
            maxDaysIdle = values.maxDaysIdle();
            quoteRequired = values.quoteRequired();
            allowSkip = values.allowSkip();
            dateFormula = values.dateFormula();
        }
        return changed;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    SalesCycleStageView toView() {
        return new SalesCycleStageView(stage, description, plain(completedPercent), plain(chancesOfSuccessPercent),
                activityCode, maxDaysIdle, quoteRequired, allowSkip, dateFormula, version(), changedBy(), changedAt());
    }

    /** Without the column's trailing zeros, but never in exponent form: 100.00000 gives 100, not 1E+2. */
    private static BigDecimal plain(BigDecimal percent) {
        BigDecimal stripped = percent.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    SalesCycleStageKey key() {
        return new SalesCycleStageKey(salesCycleCode, stage);
    }

    int stage() {
        return stage;
    }
}
