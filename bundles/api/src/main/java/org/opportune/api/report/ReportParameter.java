package org.opportune.api.report;

import java.util.List;

/**
 * A parameter a report takes.
 *
 * @param allowedValues when not empty, the only values accepted (e.g. {@code MONTH}, {@code QUARTER})
 * @param defaultValue  the value used when the caller gives none, as text; null for none
 */
public record ReportParameter(String name, ValueType type, boolean required, String description,
        List<String> allowedValues, String defaultValue) {

    public ReportParameter {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }

    public static ReportParameter optional(String name, ValueType type, String description) {
        return new ReportParameter(name, type, false, description, List.of(), null);
    }

    public static ReportParameter required(String name, ValueType type, String description) {
        return new ReportParameter(name, type, true, description, List.of(), null);
    }
}
