package org.opportune.reporting.internal.reports;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.Test;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.report.ChartKind;
import org.opportune.api.report.ReportResult;
import org.opportune.api.statistics.Figures;
import org.opportune.api.statistics.Group;
import org.opportune.api.statistics.GroupKey;
import org.opportune.api.statistics.SalesCycleStatistics;
import org.opportune.api.statistics.StageActivity;
import org.opportune.api.statistics.StageStatistics;

/** The reports built on aggregations, on hand-made groups: what they ask the database and how they lay out rows. */
public class AggregatedReportsTest {
    private final FakeStatistics statistics = new FakeStatistics();

    private static Figures figures(long count, String estimated, String current) {
        return new Figures(count, new BigDecimal(estimated), new BigDecimal(current));
    }

    private static Map<String, Object> parameters(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    public void opportunitiesBySalespersonCountsOpenOnesByCreationAndClosedOnesByClosingDate() {
        OpportunitiesBySalespersonReport report = new OpportunitiesBySalespersonReport(statistics);
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 3, 31);
        statistics.answers.add(List.of(new Group(List.of("JO"), figures(2, "3000", "300")),
                new Group(List.of("KIM"), figures(1, "500", "50"))));
        ReportResult inProgress = report.run(parameters("status", "IN_PROGRESS", "from", from, "to", to));
        var asked = statistics.asked.get(0);
        assertEquals(OpportunityStatus.IN_PROGRESS, asked.filter().status());
        assertEquals("created up to the period's end", to, asked.filter().creationDateTo());
        assertNull(asked.dateClosedFrom());
        assertEquals(List.of(GroupKey.SALESPERSON), asked.groupBy());
        assertEquals(3L, inProgress.totals().get("count"));
        assertEquals(ChartKind.BARS, inProgress.chart().kind());

        report.run(parameters("status", "WON", "from", from, "to", to));
        var won = statistics.asked.get(1);
        assertEquals("closed within the period", from, won.dateClosedFrom());
        assertEquals(to, won.dateClosedTo());
        assertNull(won.filter().creationDateTo());
    }

    @Test
    public void forecastLabelsMonthsAndQuartersAndSumsTheTotals() {
        ForecastReport report = new ForecastReport(statistics);
        statistics.answers.add(List.of(new Group(List.of(LocalDate.of(2024, 4, 1), "JO"), figures(2, "1000", "400")),
                new Group(List.of(LocalDate.of(2024, 7, 1), "KIM"), figures(1, "500", "100"))));
        statistics.answers.add(List.of(new Group(List.of(), figures(3, "1500", "500"))));
        ReportResult result = report.run(parameters("period", "QUARTER", "by", "SALESPERSON"));
        assertEquals(List.of(GroupKey.ESTIMATED_CLOSE_QUARTER, GroupKey.SALESPERSON), statistics.asked.get(0).groupBy());
        assertEquals(OpportunityStatus.IN_PROGRESS, statistics.asked.get(0).filter().status());
        assertEquals(List.of("2024-Q2", "2024-Q3"), result.rows().stream().map(row -> row.get("period")).toList());
        assertEquals("2024-Q2 JO", result.rows().get(0).get("label"));
        assertEquals(3L, result.totals().get("count"));
        assertEquals(new BigDecimal("500"), result.totals().get("calculatedCurrentValue"));

        statistics.answers.add(List.of(new Group(List.of(LocalDate.of(2024, 2, 1), "STD"), figures(1, "10", "5"))));
        ReportResult months = report.run(parameters("period", "MONTH", "by", "SALES_CYCLE"));
        assertEquals("2024-02", months.rows().get(0).get("period"));
        assertEquals("STD", months.rows().get(0).get("salesCycleCode"));
    }

    @Test
    public void forecastMonthsHaveAsciiDigitsWhateverTheServersLocale() {
        Locale defaultLocale = Locale.getDefault();
        Locale.setDefault(new Locale("ar", "SA")); // where String.format("%02d", 2) gives Arabic-Indic digits
        try {
            statistics.answers.add(List.of(new Group(List.of(LocalDate.of(2024, 2, 1), "STD"), figures(1, "10", "5"))));
            ReportResult months = new ForecastReport(statistics).run(parameters("period", "MONTH", "by", "SALES_CYCLE"));
            assertEquals("2024-02", months.rows().get(0).get("period"));
        } finally {
            Locale.setDefault(defaultLocale);
        }
    }

    @Test
    public void winLossGivesCloseCodeRowsAndWinRates() {
        WinLossReport report = new WinLossReport(statistics);
        statistics.answers.add(List.of(new Group(List.of("LOST", "PRICE"), figures(1, "3000", "0")),
                new Group(List.of("WON", "WIN1"), figures(3, "9000", "8000"))));
        statistics.answers.add(List.of(new Group(List.of("JO", "LOST"), figures(1, "3000", "0")),
                new Group(List.of("JO", "WON"), figures(3, "9000", "8000"))));
        statistics.answers.add(List.of(new Group(List.of("STD", "WON"), figures(3, "9000", "8000"))));
        statistics.answers.add(List.of(new Group(List.of("LOST"), figures(1, "3000", "0")),
                new Group(List.of("WON"), figures(3, "9000", "8000"))));
        ReportResult result = report.run(parameters());
        assertEquals(List.of("CLOSE_CODE", "CLOSE_CODE", "SALESPERSON", "SALES_CYCLE"),
                result.rows().stream().map(row -> row.get("dimension")).toList());
        assertEquals(new BigDecimal("75.00"), result.rows().get(2).get("winRatePercent"));
        assertEquals(new BigDecimal("100.00"), result.rows().get(3).get("winRatePercent"));
        assertEquals(3L, result.totals().get("won"));
        assertEquals(1L, result.totals().get("lost"));
        assertEquals(new BigDecimal("75.00"), result.totals().get("winRatePercent"));
        assertEquals(new BigDecimal("8000"), result.totals().get("closedValue"));
        assertEquals(Boolean.TRUE, statistics.asked.get(0).filter().closed());
    }

    @Test
    public void totalsAreTheSumsOfEveryMatchRoundedOnceNotSumsOfRoundedGroups() {
        // two groups of 0.005 each come back as 0.01 each; the sum of all of them, rounded once, is 0.01
        statistics.answers.add(List.of(new Group(List.of(LocalDate.of(2024, 4, 1), "JO"), figures(1, "10.00", "0.01")),
                new Group(List.of(LocalDate.of(2024, 4, 1), "KIM"), figures(1, "10.00", "0.01"))));
        statistics.answers.add(List.of(new Group(List.of(), figures(2, "20.00", "0.01"))));
        ReportResult forecast = new ForecastReport(statistics).run(parameters("period", "MONTH", "by", "SALESPERSON",
                "salespersonCode", "JO"));
        assertEquals(new BigDecimal("0.01"), forecast.totals().get("calculatedCurrentValue"));
        assertEquals(new BigDecimal("20.00"), forecast.totals().get("estimatedValue"));
        assertEquals(List.of(), statistics.asked.get(1).groupBy());
        assertEquals("the same opportunities", statistics.asked.get(0).filter(), statistics.asked.get(1).filter());

        statistics.asked.clear();
        statistics.answers.add(List.of(new Group(List.of("WON", "WIN1"), figures(1, "10.00", "0.01")),
                new Group(List.of("WON", "WIN2"), figures(1, "10.00", "0.01"))));
        statistics.answers.add(List.of(new Group(List.of("JO", "WON"), figures(2, "20.00", "0.01")),
                new Group(List.of("KIM", "LOST"), figures(1, "5.00", "0.00"))));
        statistics.answers.add(List.of(new Group(List.of("STD", "WON"), figures(2, "20.00", "0.01"))));
        statistics.answers.add(List.of(new Group(List.of("WON"), figures(2, "20.00", "0.01"))));
        ReportResult winLoss = new WinLossReport(statistics).run(parameters("from", LocalDate.of(2024, 1, 1)));
        assertEquals(new BigDecimal("0.01"), winLoss.totals().get("closedValue"));
        assertEquals(2L, winLoss.totals().get("won"));
        assertEquals("KIM", winLoss.rows().get(3).get("key"));
        assertEquals("nothing won is a sum of nothing", new BigDecimal("0.00"),
                winLoss.rows().get(3).get("closedValue"));
        assertEquals(List.of(GroupKey.STATUS), statistics.asked.get(3).groupBy());
        assertEquals("closed in the same period", LocalDate.of(2024, 1, 1), statistics.asked.get(3).dateClosedFrom());
    }

    @Test
    public void salesCycleAnalysisShowsTheCycleStatisticsAsTheyCome() {
        // scale 2 from the database; the total row sums the rows, average days included (DOMAIN §8)
        statistics.cycle = new SalesCycleStatistics("STD", null, null, null, figures(3, "3000.50", "600.10"),
                List.of(new StageStatistics(1, "Initial", figures(1, "1000.50", "100.05"), new BigDecimal("10.00")),
                        new StageStatistics(2, "Presentation", figures(2, "2000.00", "500.05"),
                                new BigDecimal("16.33"))),
                new StageStatistics(null, "Total", figures(3, "3000.50", "600.10"), new BigDecimal("26.33")));
        ReportResult result = new SalesCycleAnalysisReport(statistics).run(parameters("salesCycleCode", "STD"));
        assertEquals(List.of(1L, 2L), result.rows().stream().map(row -> row.get("stage")).toList());
        assertEquals(new BigDecimal("1000.50"), result.rows().get(0).get("estimatedValue"));
        assertEquals(new BigDecimal("500.05"), result.rows().get(1).get("calculatedCurrentValue"));
        assertEquals(new BigDecimal("16.33"), result.rows().get(1).get("averageDays"));
        assertEquals(Map.of("count", 3L, "estimatedValue", new BigDecimal("3000.50"), "calculatedCurrentValue",
                new BigDecimal("600.10"), "averageDays", new BigDecimal("26.33")), result.totals());
    }

    @Test
    public void pipelineAndStageConversionFromTheStageActivity() {
        statistics.activity = List.of(new StageActivity(1, "Initial", 5, 4, 1, 2),
                new StageActivity(2, "Presentation", 3, 3, 1, 1), new StageActivity(3, null, 0, 0, 0, 0));
        ReportResult pipeline = new PipelineReport(statistics).run(parameters("salesCycleCode", "STD"));
        assertEquals(List.of(5L, 3L, 0L), pipeline.rows().stream().map(row -> row.get("entries")).toList());
        assertEquals("Stage 3", pipeline.rows().get(2).get("description"));
        assertEquals(8L, pipeline.totals().get("entries"));
        assertEquals(ChartKind.FUNNEL, pipeline.chart().kind());

        ReportResult conversion = new StageConversionReport(statistics).run(parameters("salesCycleCode", "STD"));
        assertEquals(List.of(new BigDecimal("25.00"), new BigDecimal("33.33"), new BigDecimal("0.00")),
                conversion.rows().stream().map(row -> row.get("wonPercent")).toList());
    }
}
