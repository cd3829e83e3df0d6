package org.opportune.api.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report produced: the parameters as understood (defaults filled in, values typed), the
 * columns, the rows (a map per row, keyed by column name, values of the column's type or null) and
 * the totals (by column name; only the columns that have one). Chartable reports name how to draw
 * themselves in {@code chart}, null otherwise. Build one with {@link #builder(String, String)}.
 */
public record ReportResult(String id, String title, Map<String, Object> parameters, List<ReportColumn> columns,
        List<Map<String, Object>> rows, Map<String, Object> totals, ChartSpec chart) {

    /**
     * A result to fill column by column, row by row:
     * <pre>{@code
     * ReportResult.Builder result = ReportResult.builder(id(), title()).parameters(parameters)
     *         .column("company", ValueType.STRING, "Company").column("count", ValueType.INTEGER, "Open");
     * result.row().put("company", "CT000001");    // or result.row(Map.of(...))
     * return result.total("count", 12L).build();
     * }</pre>
     */
    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    /** Collects a result; {@link #build()} copies what it collected, so the builder may go on. */
    public static final class Builder {
        private final String id;
        private final String title;
        private Map<String, Object> parameters = Map.of();
        private final List<ReportColumn> columns = new ArrayList<>();
        private final List<Map<String, Object>> rows = new ArrayList<>();
        private final Map<String, Object> totals = new LinkedHashMap<>();
        private ChartSpec chart;

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        /** @param parameters the parameters as the report understood them (as {@link Report#run} got them) */
        public Builder parameters(Map<String, Object> parameters) {
            this.parameters = parameters == null ? Map.of() : parameters;
            return this;
        }

        public Builder column(String name, ValueType type, String title) {
            columns.add(new ReportColumn(name, type, title));
            return this;
        }

        /** Starts a row with every column null; set its values by column name, in any order. */
        public Map<String, Object> row() {
            Map<String, Object> row = new LinkedHashMap<>();
            for (ReportColumn column : columns) {
                row.put(column.name(), null);
            }
            rows.add(row);
            return row;
        }

        /**
         * Adds a row; columns it does not name stay null.
         *
         * @throws IllegalArgumentException it names a column the result does not have
         */
        public Builder row(Map<String, ?> values) {
            Map<String, Object> row = row();
            values.forEach((name, value) -> {
                if (!row.containsKey(name)) {
                    throw new IllegalArgumentException("the report has no column " + name);
                }
                row.put(name, value);
            });
            return this;
        }

        public Builder total(String column, Object value) {
            totals.put(column, value);
            return this;
        }

        /** @param chart how to draw the rows; none by default */
        public Builder chart(ChartSpec chart) {
            this.chart = chart;
            return this;
        }

        /** @return the result as collected so far; values may be null, so maps are copied keeping their order */
        public ReportResult build() {
            return new ReportResult(id, title, frozen(parameters), List.copyOf(columns),
                    rows.stream().map(Builder::frozen).toList(), frozen(totals), chart);
        }

        private static Map<String, Object> frozen(Map<String, Object> map) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
    }
}
