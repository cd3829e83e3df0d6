package org.opportune.opportunities.internal.engine;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.opportune.api.opportunity.ActionTaken;

/**
 * The values of the entry a move or close is about to append, every rule of DOMAIN §4 applied.
 *
 * @param stage            the stage reached, 0 for a closing entry
 * @param stageDescription the stage's description now, null for a closing entry
 * @param previousStage    the current stage, null when there is no entry yet
 */
public record PlannedEntry(int stage, String stageDescription, Integer previousStage, ActionTaken actionTaken,
        LocalDate dateOfChange, BigDecimal estimatedValue, BigDecimal chancesOfSuccessPercent,
        BigDecimal completedPercent, BigDecimal probabilityPercent, BigDecimal calculatedCurrentValue,
        LocalDate estimatedCloseDate, String closeCode) {

    /** @return true for a WON or LOST entry */
    public boolean closing() {
        return actionTaken == ActionTaken.WON || actionTaken == ActionTaken.LOST;
    }
}
