package org.opportune.rest.internal.dto;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.opportunity.SalesQuote;
import org.opportune.rest.internal.json.ShownAmounts;

/** The sales quote linked to an opportunity, as answered and as {@code PUT …/sales-quote} takes it. */
@Schema(name = "SalesQuote")
public record SalesQuoteDto(String no, @JsonSerialize(using = ShownAmounts.Serializer.class) BigDecimal amount) {

    public static SalesQuoteDto of(SalesQuote quote) {
        return quote == null ? null : new SalesQuoteDto(quote.no(), quote.amount());
    }

    public SalesQuote toQuote() {
        return new SalesQuote(no, amount);
    }
}
