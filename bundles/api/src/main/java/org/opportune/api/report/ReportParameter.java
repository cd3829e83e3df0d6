package org.opportune.api.report;

import java.util.List;

/**
 * A parameter a report takes.
 *
 * @param allowedValues when not empty, the only values accepted (e.g. {@code MONTH}, {@code QUARTER})
 * @param defaultValue  the value used when the caller gives none, as text; null for none
 * @param min           for an {@link ValueType#INTEGER}, the smallest value accepted; null for no bound
 * @param max           for an {@link ValueType#INTEGER}, the largest value accepted; null for no bound
 */
public record ReportParameter(String name, ValueType type, boolean required, String description,
        List<String> allowedValues, String defaultValue, Long min, Long max) {

    public ReportParameter {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }

    /** A parameter without bounds. */
    public ReportParameter(String name, ValueType type, boolean required, String description,
            List<String> allowedValues, String defaultValue) {
        this(name, type, required, description, allowedValues, defaultValue, null, null);
    }

    /** An optional whole number from {@code min} to {@code max}, {@code defaultValue} when not given. */
    public static ReportParameter count(String name, String description, long min, long max, long defaultValue) {
        return new ReportParameter(name, ValueType.INTEGER, false, description, List.of(),
                Long.toString(defaultValue), min, max);
    }

    public static ReportParameter optional(String name, ValueType type, String description) {
        return new ReportParameter(name, type, false, description, List.of(), null);
    }

    public static ReportParameter required(String name, ValueType type, String description) {
        return new ReportParameter(name, type, true, description, List.of(), null);
    }
}
