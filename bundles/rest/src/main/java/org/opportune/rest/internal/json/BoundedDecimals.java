package org.opportune.rest.internal.json;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Refuses decimal numbers no amount or percentage can be, such as {@code 1e400000}: eight bytes of
 * JSON that would become 400,000 digits when written back plain or stored.
 */
final class BoundedDecimals extends NumberDeserializers.BigDecimalDeserializer {
    private static final long serialVersionUID = 1L;

    /** Digits before and after the decimal point: SQL's DECIMAL(38) and then some. */
    static final int MAX_DIGITS = 38;

    static SimpleModule module() {
        return new SimpleModule("opportune-bounded-decimals").addDeserializer(BigDecimal.class, new BoundedDecimals());
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        BigDecimal value = super.deserialize(parser, context);
        if (value != null && (value.precision() - value.scale() > MAX_DIGITS
                || value.stripTrailingZeros().scale() > MAX_DIGITS)) {
            throw new OutOfRange(parser, "must have at most " + MAX_DIGITS + " digits before and " + MAX_DIGITS
                    + " after the decimal point");
        }
        return value;
    }

    /** A number outside what the API accepts; its message is written for the client. */
    static final class OutOfRange extends MismatchedInputException implements JsonClientMessage {
        private static final long serialVersionUID = 1L;

        OutOfRange(JsonParser parser, String message) {
            super(parser, message, BigDecimal.class);
        }
    }
}
