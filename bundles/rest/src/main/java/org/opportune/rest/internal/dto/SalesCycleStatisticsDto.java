package org.opportune.rest.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.statistics.SalesCycleStatistics;
import org.opportune.api.statistics.StageStatistics;

/**
 * A sales cycle's figures (DOMAIN §8, the "Sales Cycle Analysis"): the open opportunities, a row per stage
 * and the total row.
 */
@Schema(name = "SalesCycleStatistics")
public record SalesCycleStatisticsDto(String salesCycleCode, LocalDate estimatedCloseDateFrom,
        LocalDate estimatedCloseDateTo, LocalDate asOf, FiguresDto open, List<Stage> stages, Stage total) {

    public static SalesCycleStatisticsDto of(SalesCycleStatistics statistics) {
        return new SalesCycleStatisticsDto(statistics.salesCycleCode(), statistics.estimatedCloseDateFrom(),
                statistics.estimatedCloseDateTo(), statistics.asOf(), FiguresDto.of(statistics.open()),
                statistics.stages().stream().map(Stage::of).toList(), Stage.of(statistics.total()));
    }

    /** One stage's row, or the total row ({@code stage} null). */
    @Schema(name = "StageStatistics")
    public record Stage(Integer stage, String description, FiguresDto figures, BigDecimal averageDays) {

        static Stage of(StageStatistics row) {
            return row == null ? null
                    : new Stage(row.stage(), row.description(), FiguresDto.of(row.figures()), row.averageDays());
        }
    }
}
