package org.opportune.rest.internal.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Amounts are shown with 2 decimals (DOMAIN: "no value is rounded while it is computed; amounts are
 * shown with 2 decimals"): {@code 10000} is written {@code 10000.00}, {@code 25.00025} as
 * {@code 25.00}. Only the JSON is rounded; the services keep the exact values. Percentages are
 * written as the service gives them. The JSON records name their amount fields with
 * {@code @JsonSerialize(using = ShownAmounts.Serializer.class)}.
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

    /** Writes a {@code BigDecimal} as {@link #shown}; reading is not affected. */
    public static final class Serializer extends StdSerializer<BigDecimal> {
        private static final long serialVersionUID = 1L;

        public Serializer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeNumber(shown(value));
        }
    }
}
