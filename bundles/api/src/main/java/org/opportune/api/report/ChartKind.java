package org.opportune.api.report;

/** How a report's rows are drawn as a picture. */
public enum ChartKind {
    /** Horizontal bars narrowing from the first row down, centred: a sales funnel. */
    FUNNEL,
    /** Vertical columns, one group per row, one column per value series. */
    COLUMNS,
    /** Horizontal bars, one group per row, one bar per value series. */
    BARS
}
