package org.opportune.rest.internal.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.opportunity.StageUpdate;

/**
 * Amounts are shown with 2 decimals (DOMAIN: "no value is rounded while it is computed; amounts are
 * shown with 2 decimals"): {@code 10000} is written {@code 10000.00}, {@code 25.00025} as
 * {@code 25.00}. Only the JSON is rounded; the API records keep the exact values. Percentages are
 * written as the service gives them. Mix-ins name the amount fields of the opportunity records.
 */
public final class ShownAmounts {
    /** Decimals of an amount as shown. */
    public static final int DECIMALS = 2;

    private ShownAmounts() {
    }

    /** @return the amount as it is shown, null for null */
    public static BigDecimal shown(BigDecimal amount) {
        return amount == null ? null : amount.setScale(DECIMALS, RoundingMode.HALF_UP);
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("opportune-shown-amounts");
        module.setMixInAnnotation(Opportunity.class, OpportunityAmounts.class);
        module.setMixInAnnotation(OpportunityEntry.class, EntryAmounts.class);
        module.setMixInAnnotation(SalesQuote.class, QuoteAmount.class);
        module.setMixInAnnotation(StageUpdate.class, UpdateAmount.class);
        return module;
    }

    /** Writes a {@code BigDecimal} as {@link #shown}. */
    static final class AmountSerializer extends StdSerializer<BigDecimal> {
        private static final long serialVersionUID = 1L;

        AmountSerializer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeNumber(shown(value));
        }
    }

    private interface OpportunityAmounts {
        @JsonSerialize(using = AmountSerializer.class)
        BigDecimal estimatedValue();

        @JsonSerialize(using = AmountSerializer.class)
        BigDecimal calculatedCurrentValue();
    }

    private interface EntryAmounts {
        @JsonSerialize(using = AmountSerializer.class)
        BigDecimal estimatedValue();

        @JsonSerialize(using = AmountSerializer.class)
        BigDecimal calculatedCurrentValue();
    }

    private interface QuoteAmount {
        @JsonSerialize(using = AmountSerializer.class)
        BigDecimal amount();
    }

    /** The default estimated value of an update option. */
    private interface UpdateAmount {
        @JsonSerialize(using = AmountSerializer.class)
        BigDecimal estimatedValue();
    }
}
