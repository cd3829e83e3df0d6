package org.opportune.rest.internal.dto;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.statistics.SalespersonStatistics;

/** A salesperson's figures (DOMAIN §8), closed opportunities included, with the averages. */
@Schema(name = "SalespersonStatistics")
public record SalespersonStatisticsDto(String salespersonCode, FiguresDto figures, BigDecimal averageEstimatedValue,
        BigDecimal averageCalculatedCurrentValue) {

    public static SalespersonStatisticsDto of(SalespersonStatistics statistics) {
        return new SalespersonStatisticsDto(statistics.salespersonCode(), FiguresDto.of(statistics.figures()),
                statistics.averageEstimatedValue(), statistics.averageCalculatedCurrentValue());
    }
}
