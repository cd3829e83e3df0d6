package org.opportune.api.statistics;

import java.math.BigDecimal;
import java.util.List;

import org.opportune.api.opportunity.OpportunityStatus;

/**
 * One opportunity's own figures: its current values (those of its active entry), how many entries
 * its history has, and the days it spent at each stage.
 *
 * @param daysOpen      days from the first entry's date of change to the closing date, or to today
 *                      while it is open; 0 when not started
 * @param daysPerStage  per stage in the order first reached: the days of its inactive entries at
 *                      that stage, summed (an opportunity can come back to a stage)
 */
public record OpportunityStatistics(String opportunityNo, OpportunityStatus status, Integer currentStage,
        BigDecimal estimatedValue, BigDecimal calculatedCurrentValue, BigDecimal probabilityPercent,
        BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent, long entries, long daysOpen,
        List<StageDays> daysPerStage) {

    public record StageDays(int stage, String description, long entries, long days) {
    }
}
