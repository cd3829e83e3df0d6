package org.opportune.rest.internal.render;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Test;
import org.opportune.api.report.ChartKind;
import org.opportune.api.report.ChartSpec;
import org.opportune.api.report.ReportColumn;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ValueType;
import org.w3c.dom.Document;

public class RenderTest {

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private static ReportResult result(ChartSpec chart, List<Map<String, Object>> rows) {
        return new ReportResult("test", "Pipeline <STD> & co", Map.of(), List.of(
                new ReportColumn("label", ValueType.STRING, "Label"),
                new ReportColumn("count", ValueType.INTEGER, "Entries"),
                new ReportColumn("value", ValueType.DECIMAL, "Value"),
                new ReportColumn("day", ValueType.DATE, "Day")), rows, Map.of("count", 3L), chart);
    }

    @Test
    public void csvHasAHeaderLineAndQuotesWhatNeedsIt() {
        byte[] csv = CsvTable.of(result(null, List.of(
                row("label", "Cronus, Ltd", "count", 2L, "value", new BigDecimal("1E+3"), "day", LocalDate.of(2024, 1,
                        31)),
                row("label", "Say \"hi\"\nthen go", "count", 1L))));
        assertEquals("label,count,value,day\r\n"
                + "\"Cronus, Ltd\",2,1000,2024-01-31\r\n"
                + "\"Say \"\"hi\"\"\nthen go\",1,,\r\n", new String(csv, StandardCharsets.UTF_8));
    }

    @Test
    public void csvTextThatASpreadsheetWouldRunAsAFormulaStartsWithAQuote() {
        byte[] csv = CsvTable.of(result(null, List.of(
                row("label", "=HYPERLINK(\"http://x\",\"y\")", "count", -3L, "value", new BigDecimal("-12.50")),
                row("label", "+1+1", "count", 0L, "value", new BigDecimal("-0.5")),
                row("label", "-2+3", "value", -7.25d),
                row("label", "@SUM(A1)"),
                row("label", "\tTab"),
                row("label", "\r=1+1"),
                row("label", "a=b, -c"),
                row("label", "-"))));

        assertEquals("label,count,value,day\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-3,-12.50,\r\n"
                + "'+1+1,0,-0.5,\r\n"
                + "'-2+3,,-7.25,\r\n"
                + "'@SUM(A1),,,\r\n"
                + "'\tTab,,,\r\n"
                + "\"'\r=1+1\",,,\r\n"
                + "\"a=b, -c\",,,\r\n"
                + "'-,,,\r\n", new String(csv, StandardCharsets.UTF_8));
    }

    @Test
    public void csvNumbersStayNumbersAndOtherTextIsUntouched() {
        assertEquals("-1000", CsvTable.field(new BigDecimal("-1E+3")));
        assertEquals("-42", CsvTable.field(-42L));
        assertEquals("-42", CsvTable.field(-42));
        assertEquals("-0.25", CsvTable.field(-0.25d));
        assertEquals("'-42", CsvTable.field("-42"));
        assertEquals("2024-01-31", CsvTable.field(LocalDate.of(2024, 1, 31)));
        assertEquals("Cronus = Ltd", CsvTable.field("Cronus = Ltd"));
        assertEquals("", CsvTable.field(""));
    }

    @Test
    public void eachChartIsWellFormedSvgWithLabelsAndValues() throws Exception {
        List<Map<String, Object>> rows = List.of(row("label", "Initial", "count", 10L, "value", new BigDecimal("2.5")),
                row("label", "Presentation & demo", "count", 4L, "value", BigDecimal.ZERO));
        for (ChartKind kind : ChartKind.values()) {
            ChartSpec chart = new ChartSpec(kind, "label", kind == ChartKind.FUNNEL ? List.of("count")
                    : List.of("count", "value"));
            String svg = new String(SvgChart.of(result(chart, rows)), StandardCharsets.UTF_8);
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertEquals(kind + ": " + svg, "svg", document.getDocumentElement().getTagName());
            assertTrue(svg, svg.contains("Pipeline &lt;STD&gt; &amp; co"));
            assertTrue(svg, svg.contains("Presentation &amp; demo"));
            assertTrue(svg, svg.contains(">10<") || svg.contains("Initial: 10"));
            assertEquals(kind + " draws a shape per value", kind == ChartKind.FUNNEL ? 2 : 4,
                    Arrays.stream(svg.split("\n")).filter(line -> line.startsWith("<rect x=")).count()
                            - (kind == ChartKind.FUNNEL ? 0 : 2));
            assertEquals("a legend names the series when there are several", kind != ChartKind.FUNNEL,
                    svg.contains(">Entries<") && svg.contains(">Value<"));
        }
    }

    @Test
    public void anEmptyReportSaysSo() {
        String svg = new String(SvgChart.of(result(new ChartSpec(ChartKind.BARS, "label", List.of("count")),
                List.of())), StandardCharsets.UTF_8);
        assertTrue(svg, svg.contains("No data"));
        assertFalse(svg, svg.contains("NaN"));
    }

    @Test
    public void chartNumbersAreTheSameWhateverTheServersLocale() {
        Locale defaultLocale = Locale.getDefault();
        try {
            for (Locale locale : List.of(Locale.GERMANY, new Locale("tr", "TR"), new Locale("ar", "SA"))) {
                Locale.setDefault(locale); // German and Turkish group with dots, Arabic has digits of its own
                String svg = new String(SvgChart.of(result(new ChartSpec(ChartKind.BARS, "label",
                        List.of("count", "value")), List.of(row("label", "Big", "count", 12_000L, "value",
                                new BigDecimal("1234.5"))))), StandardCharsets.UTF_8);
                assertTrue(locale + ": " + svg, svg.contains(">12,000<"));
                assertTrue(locale + ": " + svg, svg.contains(">1234.50<"));
                assertFalse(locale + ": " + svg, svg.contains("12.000"));
            }
        } finally {
            Locale.setDefault(defaultLocale);
        }
    }
}
