package org.opportune.rest.internal.dto;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.statistics.OpportunityStatistics;

/** One opportunity's own figures: its current values, its entries, the days open and the days per stage. */
@Schema(name = "OpportunityStatistics")
public record OpportunityStatisticsDto(String opportunityNo, OpportunityStatus status, Integer currentStage,
        BigDecimal estimatedValue, BigDecimal calculatedCurrentValue, BigDecimal probabilityPercent,
        BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent, long entries, long daysOpen,
        List<StageDays> daysPerStage) {

    public static OpportunityStatisticsDto of(OpportunityStatistics s) {
        return new OpportunityStatisticsDto(s.opportunityNo(), s.status(), s.currentStage(), s.estimatedValue(),
                s.calculatedCurrentValue(), s.probabilityPercent(), s.completedPercent(), s.chancesOfSuccessPercent(),
                s.entries(), s.daysOpen(), s.daysPerStage().stream()
                        .map(days -> new StageDays(days.stage(), days.description(), days.entries(), days.days()))
                        .toList());
    }

    /** The days the opportunity spent at one stage, in the order the stages were first reached. */
    public record StageDays(int stage, String description, long entries, long days) {
    }
}
