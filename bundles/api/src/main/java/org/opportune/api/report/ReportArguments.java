package org.opportune.api.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.opportune.api.Codes;

/**
 * The parameters a report runs with, read by type: {@code ReportArguments.of(parameters).date("from")}. The
 * report service has checked and typed them against the report's {@link ReportParameter}s (defaults filled
 * in), so a value is of its parameter's {@link ValueType} or null when it was neither given nor defaulted.
 */
public final class ReportArguments {
    private final Map<String, Object> values;

    private ReportArguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** @param parameters what {@link Report#run(Map)} got */
    public static ReportArguments of(Map<String, Object> parameters) {
        return new ReportArguments(parameters);
    }

    /** A {@link ValueType#STRING} parameter. */
    public String text(String name) {
        return value(name, String.class);
    }

    /** A {@link ValueType#INTEGER} parameter. */
    public Long integer(String name) {
        return value(name, Long.class);
    }

    /** A {@link ValueType#DECIMAL} parameter. */
    public BigDecimal decimal(String name) {
        return value(name, BigDecimal.class);
    }

    /** A {@link ValueType#DATE} parameter. */
    public LocalDate date(String name) {
        return value(name, LocalDate.class);
    }

    /** A {@link ValueType#BOOLEAN} parameter. */
    public Boolean bool(String name) {
        return value(name, Boolean.class);
    }

    /**
     * A {@link ValueType#STRING} parameter whose allowed values are the constants of {@code type}.
     *
     * @throws IllegalArgumentException the value names no constant of {@code type}
     */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String constant = Codes.normalise(text(name)); // as codes are: trimmed, any case, blank = none
        return constant == null ? null : Enum.valueOf(type, constant);
    }

    private <T> T value(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        throw new IllegalArgumentException("report parameter " + name + " is a " + value.getClass().getSimpleName()
                + ", not a " + type.getSimpleName() + ": declare it with the matching ValueType");
    }
}
