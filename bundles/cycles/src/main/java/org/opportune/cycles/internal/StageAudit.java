package org.opportune.cycles.internal;

import java.math.BigDecimal;

import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.persistence.AuditTrail;

/**
 * How the audit line of a sales cycle words a change of one of its stages, e.g. {@code stage 2 "Proposal" added:
 * completedPercent: 20, chancesOfSuccessPercent: 50, quoteRequired: false, allowSkip: false}.
 */
record StageAudit(BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent, String activityCode,
        Integer maxDaysIdle, boolean quoteRequired, boolean allowSkip, String dateFormula) {

    static String added(SalesCycleStage stage) {
        return title(stage) + " added: " + AuditTrail.describe(of(stage));
    }

    /** @return what changed, or empty when nothing did */
    static String changed(SalesCycleStageView before, SalesCycleStageView after) {
        String changes = AuditTrail.difference(before, after);
        return changes.isEmpty() ? "" : title(before) + " changed: " + changes;
    }

    static String deleted(SalesCycleStage stage) {
        return title(stage) + " deleted: " + AuditTrail.describe(of(stage));
    }

    private static StageAudit of(SalesCycleStage stage) {
        return new StageAudit(stage.completedPercent(), stage.chancesOfSuccessPercent(), stage.activityCode(),
                stage.maxDaysIdle(), stage.quoteRequired(), stage.allowSkip(), stage.dateFormula());
    }

    private static String title(SalesCycleStage stage) {
        return "stage " + stage.stage() + (stage.description() == null ? "" : " \"" + stage.description() + "\"");
    }
}
