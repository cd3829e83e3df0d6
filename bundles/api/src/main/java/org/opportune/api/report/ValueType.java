package org.opportune.api.report;

/** The type of a report parameter or column; it decides how values are parsed and written. */
public enum ValueType {
    /** java.lang.String */
    STRING,
    /** java.lang.Long (parameters: a whole number) */
    INTEGER,
    /** java.math.BigDecimal */
    DECIMAL,
    /** java.time.LocalDate, ISO {@code 2024-01-31} */
    DATE,
    /** java.lang.Boolean, {@code true} or {@code false} */
    BOOLEAN
}
