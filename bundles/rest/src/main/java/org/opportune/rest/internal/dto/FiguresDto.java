package org.opportune.rest.internal.dto;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.statistics.Figures;

/** How many opportunities and the sums of their estimated and calculated current values (DOMAIN §8). */
@Schema(name = "Figures")
public record FiguresDto(long count, BigDecimal estimatedValue, BigDecimal calculatedCurrentValue) {

    public static FiguresDto of(Figures figures) {
        return figures == null ? null
                : new FiguresDto(figures.count(), figures.estimatedValue(), figures.calculatedCurrentValue());
    }
}
