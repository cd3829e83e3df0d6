package org.opportune.api.report;

import java.util.List;
import java.util.Objects;

/**
 * A parameter a report takes: {@code ReportParameter.builder("period", ValueType.STRING).description("…")
 * .allowedValues(List.of("MONTH", "QUARTER")).defaultValue("MONTH").build()}, or one of the shortcuts
 * {@link #required}, {@link #optional}, {@link #count}. Read the values a report runs with through
 * {@link ReportArguments}.
 */
public final class ReportParameter {
    private final String name;
    private final ValueType type;
    private final boolean required;
    private final String description;
    private final List<String> allowedValues;
    private final String defaultValue;
    private final Long min;
    private final Long max;

    private ReportParameter(Builder builder) {
        name = Objects.requireNonNull(builder.name, "name");
        type = Objects.requireNonNull(builder.type, "type");
        required = builder.required;
        description = builder.description;
        allowedValues = List.copyOf(builder.allowedValues);
        defaultValue = builder.defaultValue;
        min = builder.min;
        max = builder.max;
    }

    public static Builder builder(String name, ValueType type) {
        return new Builder(name, type);
    }

    /** A parameter the caller must give. */
    public static ReportParameter required(String name, ValueType type, String description) {
        return builder(name, type).required(true).description(description).build();
    }

    /** A parameter the caller may leave out (then the report gets null). */
    public static ReportParameter optional(String name, ValueType type, String description) {
        return builder(name, type).description(description).build();
    }

    /** An optional whole number from {@code min} to {@code max}, {@code defaultValue} when not given. */
    public static ReportParameter count(String name, String description, long min, long max, long defaultValue) {
        return builder(name, ValueType.INTEGER).description(description).min(min).max(max)
                .defaultValue(Long.toString(defaultValue)).build();
    }

    public String name() {
        return name;
    }

    public ValueType type() {
        return type;
    }

    public boolean required() {
        return required;
    }

    public String description() {
        return description;
    }

    /** @return when not empty, the only values accepted (e.g. {@code MONTH}, {@code QUARTER}) */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /** @return the value used when the caller gives none, as text; null for none */
    public String defaultValue() {
        return defaultValue;
    }

    /** @return for an {@link ValueType#INTEGER}, the smallest value accepted; null for no bound */
    public Long min() {
        return min;
    }

    /** @return for an {@link ValueType#INTEGER}, the largest value accepted; null for no bound */
    public Long max() {
        return max;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReportParameter parameter && name.equals(parameter.name) && type == parameter.type
                && required == parameter.required && Objects.equals(description, parameter.description)
                && allowedValues.equals(parameter.allowedValues)
                && Objects.equals(defaultValue, parameter.defaultValue) && Objects.equals(min, parameter.min)
                && Objects.equals(max, parameter.max);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, required, description, allowedValues, defaultValue, min, max);
    }

    @Override
    public String toString() {
        return "ReportParameter[" + name + " " + type + (required ? " required" : "") + "]";
    }

    public static final class Builder {
        private final String name;
        private final ValueType type;
        private boolean required;
        private String description;
        private List<String> allowedValues = List.of();
        private String defaultValue;
        private Long min;
        private Long max;

        private Builder(String name, ValueType type) {
            this.name = name;
            this.type = type;
        }

        public Builder required(boolean required) {
            this.required = required;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** @param allowedValues the only values accepted; empty for any */
        public Builder allowedValues(List<String> allowedValues) {
            this.allowedValues = allowedValues == null ? List.of() : allowedValues;
            return this;
        }

        /** @param defaultValue the value, as text, used when the caller gives none */
        public Builder defaultValue(String defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        /** @param min the smallest {@link ValueType#INTEGER} accepted */
        public Builder min(Long min) {
            this.min = min;
            return this;
        }

        /** @param max the largest {@link ValueType#INTEGER} accepted */
        public Builder max(Long max) {
            this.max = max;
            return this;
        }

        public ReportParameter build() {
            return new ReportParameter(this);
        }
    }
}
