package org.opportune.rest.internal.dto;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.report.ChartKind;
import org.opportune.api.report.ChartSpec;
import org.opportune.api.report.ReportColumn;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ValueType;

/**
 * What a report produced: the parameters as understood, the columns, the rows (an object per row, keyed
 * by column name) and the totals; {@code chart} says how a chartable report draws itself, else null.
 */
@Schema(name = "ReportResult")
public record ReportResultDto(String id, String title, Map<String, Object> parameters, List<Column> columns,
        List<Map<String, Object>> rows, Map<String, Object> totals, Chart chart) {

    public static ReportResultDto of(ReportResult result) {
        ChartSpec chart = result.chart();
        return new ReportResultDto(result.id(), result.title(), result.parameters(),
                result.columns().stream().map(Column::of).toList(), result.rows(), result.totals(),
                chart == null ? null : new Chart(chart.kind(), chart.labelColumn(), chart.valueColumns()));
    }

    /** A column of the rows: the key in each row, the type of its values and its title. */
    @Schema(name = "ReportColumn")
    public record Column(String name, ValueType type, String title) {

        static Column of(ReportColumn column) {
            return new Column(column.name(), column.type(), column.title());
        }
    }

    /** How to draw the rows: the column that labels each row and the numeric columns drawn as series. */
    @Schema(name = "ChartSpec")
    public record Chart(ChartKind kind, String labelColumn, List<String> valueColumns) {
    }
}
