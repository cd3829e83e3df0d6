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
 * <p>
 * A spreadsheet opening the file would run a text cell that looks like a formula (a contact named
 * {@code =HYPERLINK(…)}), so every text cell starting with {@code = + - @}, a tab or a carriage return gets a
 * leading {@code '} (OWASP's CSV injection advice); numbers (amounts, percentages, counts, negative ones too) are
 * not text and stay as they are.
 */
public final class CsvTable {
    public static final String MEDIA_TYPE = "text/csv";
    /** What makes a spreadsheet read a cell as a formula (or DDE call), when a cell starts with it. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

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
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString()
                : value instanceof Number number ? number.toString() : inert(value.toString());
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** A text cell a spreadsheet shows as text rather than running it as a formula. */
    static String inert(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
