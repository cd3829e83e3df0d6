package org.opportune.api.report;

import java.util.List;

/**
 * How to draw a report: the column that labels each row, and the numeric columns drawn as series.
 */
public record ChartSpec(ChartKind kind, String labelColumn, List<String> valueColumns) {

    public ChartSpec {
        valueColumns = List.copyOf(valueColumns);
    }
}
