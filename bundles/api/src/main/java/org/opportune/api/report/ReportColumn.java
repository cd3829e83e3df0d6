package org.opportune.api.report;

/** A column of a report's rows: the key in each row and the type of its values. */
public record ReportColumn(String name, ValueType type, String title) {
}
