package org.opportune.api.report;

import java.util.List;
import java.util.Map;

/**
 * What a report produced: the parameters as understood (defaults filled in, values typed), the
 * columns, the rows (a map per row, keyed by column name, values of the column's type or null) and
 * the totals (by column name; only the columns that have one). Chartable reports name how to draw
 * themselves in {@code chart}, null otherwise.
 */
public record ReportResult(String id, String title, Map<String, Object> parameters, List<ReportColumn> columns,
        List<Map<String, Object>> rows, Map<String, Object> totals, ChartSpec chart) {
}
