package org.opportune.rest.internal.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.opportune.api.report.ChartKind;
import org.opportune.api.report.ChartSpec;
import org.opportune.api.report.ReportColumn;
import org.opportune.api.report.ReportResult;

/**
 * Draws a report's rows as the SVG picture its {@link ChartSpec} asks for: a centred funnel, vertical
 * columns or horizontal bars, with the title, a label and the value on every shape, and a legend when
 * there is more than one series. Every text is XML-escaped.
 */
public final class SvgChart {
    public static final String MEDIA_TYPE = "image/svg+xml";

    private static final String[] COLOURS = { "#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c" };
    private static final int WIDTH = 880;
    private static final int TITLE_HEIGHT = 50;
    private static final int MARGIN = 20;

    private SvgChart() {
    }

    /** @param result a result whose {@code chart} is not null */
    public static byte[] of(ReportResult result) {
        ChartSpec chart = result.chart();
        List<String> labels = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (Map<String, Object> row : result.rows()) {
            Object label = row.get(chart.labelColumn());
            labels.add(label == null ? "(none)" : label.toString());
            double[] series = new double[chart.valueColumns().size()];
            for (int i = 0; i < series.length; i++) {
                Object value = row.get(chart.valueColumns().get(i));
                series[i] = value instanceof Number number ? number.doubleValue() : 0;
            }
            values.add(series);
        }
        List<String> seriesTitles = chart.valueColumns().stream().map(name -> title(result, name)).toList();
        StringBuilder body = new StringBuilder();
        int height = switch (chart.kind()) {
            case FUNNEL -> funnel(body, labels, values);
            case COLUMNS -> columns(body, labels, values, seriesTitles.size());
            case BARS -> bars(body, labels, values, seriesTitles.size());
        };
        if (seriesTitles.size() > 1 || chart.kind() != ChartKind.FUNNEL) {
            height = legend(body, seriesTitles, height);
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<title>").append(escape(result.title())).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"30\" text-anchor=\"middle\" font-size=\"18\""
                + " font-weight=\"bold\">").append(escape(result.title())).append("</text>\n");
        if (labels.isEmpty()) {
            svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(TITLE_HEIGHT + 30)
                    .append("\" text-anchor=\"middle\">No data</text>\n");
        }
        svg.append(body).append("</svg>\n");
        return svg.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int funnel(StringBuilder svg, List<String> labels, List<double[]> values) {
        double max = max(values);
        int rowHeight = 44;
        int plotWidth = WIDTH - 2 * MARGIN - 240;
        int y = TITLE_HEIGHT;
        for (int i = 0; i < labels.size(); i++) {
            double value = values.get(i)[0];
            double width = max == 0 ? 2 : Math.max(2, plotWidth * value / max);
            double x = MARGIN + (plotWidth - width) / 2;
            svg.append(rect(x, y, width, rowHeight - 6, COLOURS[0]));
            svg.append(text(MARGIN + plotWidth + 12, y + rowHeight / 2.0, "start",
                    labels.get(i) + ": " + number(value)));
            y += rowHeight;
        }
        return y + MARGIN;
    }

    private static int columns(StringBuilder svg, List<String> labels, List<double[]> values, int series) {
        double max = max(values);
        int plotTop = TITLE_HEIGHT + 10;
        int plotHeight = 300;
        int left = MARGIN + 70;
        int plotWidth = WIDTH - left - MARGIN;
        int baseline = plotTop + plotHeight;
        axis(svg, left, plotTop, plotHeight, plotWidth, max);
        double groupWidth = labels.isEmpty() ? plotWidth : (double) plotWidth / labels.size();
        double columnWidth = Math.max(2, (groupWidth - 8) / series);
        for (int i = 0; i < labels.size(); i++) {
            double groupX = left + i * groupWidth + 4;
            for (int s = 0; s < series; s++) {
                double value = values.get(i)[s];
                double height = max == 0 ? 0 : plotHeight * value / max;
                double x = groupX + s * columnWidth;
                svg.append(rect(x, baseline - height, columnWidth - 1, height, COLOURS[s % COLOURS.length]));
                svg.append(text(x + columnWidth / 2, baseline - height - 4, "middle", number(value), 9));
            }
            double labelX = groupX + groupWidth / 2 - 4;
            svg.append("<text x=\"").append(fmt(labelX)).append("\" y=\"").append(baseline + 14)
                    .append("\" text-anchor=\"end\" transform=\"rotate(-40 ").append(fmt(labelX)).append(' ')
                    .append(baseline + 14).append(")\">").append(escape(labels.get(i))).append("</text>\n");
        }
        return baseline + 110;
    }

    private static int bars(StringBuilder svg, List<String> labels, List<double[]> values, int series) {
        double max = max(values);
        int left = MARGIN + 160;
        int plotWidth = WIDTH - left - MARGIN - 80;
        int barHeight = 18;
        int y = TITLE_HEIGHT;
        for (int i = 0; i < labels.size(); i++) {
            svg.append(text(left - 8, y + barHeight * series / 2.0, "end", labels.get(i)));
            for (int s = 0; s < series; s++) {
                double value = values.get(i)[s];
                double width = max == 0 ? 0 : plotWidth * value / max;
                svg.append(rect(left, y, width, barHeight - 2, COLOURS[s % COLOURS.length]));
                svg.append(text(left + width + 6, y + barHeight / 2.0, "start", number(value)));
                y += barHeight;
            }
            y += 8;
        }
        return y + MARGIN;
    }

    /** The y axis of the columns with five labelled grid lines. */
    private static void axis(StringBuilder svg, int left, int top, int height, int width, double max) {
        for (int tick = 0; tick <= 4; tick++) {
            double y = top + height - height * tick / 4.0;
            svg.append("<line x1=\"").append(left).append("\" y1=\"").append(fmt(y)).append("\" x2=\"")
                    .append(left + width).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#dddddd\"/>\n");
            svg.append(text(left - 6, y, "end", number(max * tick / 4.0)));
        }
    }

    private static int legend(StringBuilder svg, List<String> titles, int top) {
        int x = MARGIN;
        for (int s = 0; s < titles.size(); s++) {
            svg.append(rect(x, top, 12, 12, COLOURS[s % COLOURS.length]));
            svg.append(text(x + 18, top + 6, "start", titles.get(s)));
            x += 30 + 8 * titles.get(s).length();
        }
        return top + 12 + MARGIN;
    }

    private static String title(ReportResult result, String column) {
        for (ReportColumn candidate : result.columns()) {
            if (candidate.name().equals(column)) {
                return candidate.title() == null ? column : candidate.title();
            }
        }
        return column;
    }

    private static double max(List<double[]> values) {
        double max = 0;
        for (double[] series : values) {
            for (double value : series) {
                max = Math.max(max, value);
            }
        }
        return max;
    }

    private static String rect(double x, double y, double width, double height, String colour) {
        return "<rect x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" width=\"" + fmt(width) + "\" height=\"" + fmt(height)
                + "\" fill=\"" + colour + "\"/>\n";
    }

    private static String text(double x, double y, String anchor, String text) {
        return text(x, y, anchor, text, 12);
    }

    private static String text(double x, double y, String anchor, String text, int size) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" dy=\"0.35em\" text-anchor=\"" + anchor
                + "\" font-size=\"" + size + "\">" + escape(text) + "</text>\n";
    }

    /**
     * Whole numbers with a comma between thousands, others with two decimals: the same on every
     * server (Locale.ROOT), never 12.000 on a German one or Arabic-Indic digits on an Arabic one.
     */
    static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
                : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String fmt(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return escaped.toString();
    }
}
