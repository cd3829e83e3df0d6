package org.opportune.rest.internal.render;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.opportune.api.report.ReportColumn;
import org.opportune.api.report.ReportResult;

/**
 * A report's rows as CSV (RFC 4180): a header line of column names, then one line per row, CRLF line
 * ends, fields quoted when they hold a comma, a quote or a line break. Totals are not rows and stay out.
 */
public final class CsvTable {
    public static final String MEDIA_TYPE = "text/csv";

    private CsvTable() {
    }

    public static byte[] of(ReportResult result) {
        StringBuilder csv = new StringBuilder();
        List<ReportColumn> columns = result.columns();
        line(csv, columns.stream().map(ReportColumn::name).map(Object.class::cast).toList());
        for (Map<String, Object> row : result.rows()) {
            line(csv, columns.stream().map(column -> row.get(column.name())).toList());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(values.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
