package org.opportune.reporting.internal.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opportune.api.report.ChartSpec;
import org.opportune.api.report.ReportColumn;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ValueType;

/** A report's columns and rows as they are built, then its result. */
final class Table {
    private final List<ReportColumn> columns = new ArrayList<>();
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final Map<String, Object> totals = new LinkedHashMap<>();

    Table column(String name, ValueType type, String title) {
        columns.add(new ReportColumn(name, type, title));
        return this;
    }

    /** Starts a row; values are set by column name, in any order; missing ones stay null. */
    Map<String, Object> row() {
        Map<String, Object> row = new LinkedHashMap<>();
        for (ReportColumn column : columns) {
            row.put(column.name(), null);
        }
        rows.add(row);
        return row;
    }

    Table total(String name, Object value) {
        totals.put(name, value);
        return this;
    }

    ReportResult result(BuiltInReport report, Map<String, Object> parameters, ChartSpec chart) {
        return new ReportResult(report.id(), report.title(), parameters, List.copyOf(columns), List.copyOf(rows),
                totals, chart);
    }
}
