package org.opportune.reporting.internal.reports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.report.Report;
import org.opportune.api.report.ReportArguments;
import org.opportune.api.report.ReportParameter;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ValueType;
import org.opportune.api.statistics.Aggregation;
import org.opportune.api.statistics.Figures;
import org.opportune.api.statistics.Group;
import org.opportune.api.statistics.GroupKey;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Won and lost opportunities closed in a period: a row per close code ({@code dimension} CLOSE_CODE),
 * then the win rate per salesperson (SALESPERSON) and per sales cycle (SALES_CYCLE).
 */
@Component(service = Report.class, property = Report.ID_PROPERTY + "=win-loss")
public class WinLossReport extends BuiltInReport {
    private final OpportunityStatisticsService statistics;

    @Activate
    public WinLossReport(@Reference OpportunityStatisticsService statistics) {
        super("win-loss", "Win/Loss Analysis",
                "Opportunities closed in a period: counts and values by close code, and the win rate per"
                        + " salesperson and per sales cycle.",
                List.of(ReportParameter.optional("from", ValueType.DATE, "closed on or after"),
                        ReportParameter.optional("to", ValueType.DATE, "closed on or before"),
                        ReportParameter.optional("salespersonCode", ValueType.STRING, "only this salesperson's"),
                        ReportParameter.optional("salesCycleCode", ValueType.STRING, "only this sales cycle's")));
        this.statistics = statistics;
    }

    @Override
    public ReportResult run(Map<String, Object> parameters) {
        ReportArguments args = ReportArguments.of(parameters);
        Aggregation closedInPeriod = Aggregation.of(OpportunityQuery.all().withClosed(true)
                .withSalespersonCode(args.text("salespersonCode"))
                .withSalesCycleCode(args.text("salesCycleCode")))
                .closedBetween(args.date("from"), args.date("to"));
        ReportResult.Builder result = ReportResult.builder(id(), title()).parameters(parameters)
                .column("dimension", ValueType.STRING, "By")
                .column("key", ValueType.STRING, "Code")
                .column("outcome", ValueType.STRING, "Outcome")
                .column("won", ValueType.INTEGER, "Won")
                .column("lost", ValueType.INTEGER, "Lost")
                .column("winRatePercent", ValueType.DECIMAL, "Win Rate %")
                .column("estimatedValue", ValueType.DECIMAL, "Estimated Value")
                .column("closedValue", ValueType.DECIMAL, "Value Closed");
        // one reading of the closings for all four groupings; the totals by outcome alone are a grouping of their
        // own, so that the value won is summed and rounded once (DOMAIN), not added up from the close codes' rounded
        // sums
        List<List<Group>> groupings = statistics.aggregateEach(closedInPeriod, List.of(
                List.of(GroupKey.STATUS, GroupKey.CLOSE_CODE), List.of(GroupKey.SALESPERSON, GroupKey.STATUS),
                List.of(GroupKey.SALES_CYCLE, GroupKey.STATUS), List.of(GroupKey.STATUS)));
        for (Group group : groupings.get(0)) {
            Map<String, Object> row = result.row();
            row.put("dimension", "CLOSE_CODE");
            row.put("key", group.keys().get(1));
            row.put("outcome", group.keys().get(0));
            row.put(isWon(group, 0) ? "won" : "lost", group.figures().count());
            row.put("estimatedValue", group.figures().estimatedValue());
            row.put("closedValue", group.figures().calculatedCurrentValue());
        }
        addWinRates(result, GroupKey.SALESPERSON, groupings.get(1));
        addWinRates(result, GroupKey.SALES_CYCLE, groupings.get(2));
        long won = 0;
        long lost = 0;
        BigDecimal wonValue = Figures.NONE.calculatedCurrentValue(); // none won: 0.00, as a sum of nothing
        for (Group outcome : groupings.get(3)) {
            if (isWon(outcome, 0)) {
                won = outcome.figures().count();
                wonValue = outcome.figures().calculatedCurrentValue();
            } else {
                lost = outcome.figures().count();
            }
        }
        return result.total("won", won).total("lost", lost)
                .total("winRatePercent", StageConversionReport.percent(won, won + lost))
                .total("closedValue", wonValue)
                .build();
    }

    /** A row per key of {@code dimension}: won, lost, win rate and the value won, from its groups by key and status. */
    private static void addWinRates(ReportResult.Builder result, GroupKey dimension, List<Group> byKeyAndStatus) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> values = new TreeMap<>();
        for (Group group : byKeyAndStatus) {
            String key = (String) group.keys().get(0);
            counts.computeIfAbsent(key, k -> new long[2])[isWon(group, 1) ? 0 : 1] = group.figures().count();
            if (isWon(group, 1)) {
                values.put(key, group.figures().calculatedCurrentValue());
            }
        }
        counts.forEach((key, count) -> {
            Map<String, Object> row = result.row();
            row.put("dimension", dimension.name());
            row.put("key", key);
            row.put("won", count[0]);
            row.put("lost", count[1]);
            row.put("winRatePercent", StageConversionReport.percent(count[0], count[0] + count[1]));
            row.put("closedValue", values.getOrDefault(key, Figures.NONE.calculatedCurrentValue()));
        });
    }

    /** @param statusKey where {@link GroupKey#STATUS} is among the group's keys */
    private static boolean isWon(Group group, int statusKey) {
        return OpportunityStatus.WON.name().equals(group.keys().get(statusKey));
    }
}
