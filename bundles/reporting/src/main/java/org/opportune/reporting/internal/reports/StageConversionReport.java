package org.opportune.reporting.internal.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.opportune.api.report.Report;
import org.opportune.api.report.ReportArguments;
import org.opportune.api.report.ReportParameter;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ValueType;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.api.statistics.StageActivity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Per stage of a cycle: how many opportunities reached it, how many of them were won or lost, the win rate. */
@Component(service = Report.class, property = Report.ID_PROPERTY + "=stage-conversion")
public class StageConversionReport extends BuiltInReport {
    private final OpportunityStatisticsService statistics;

    @Activate
    public StageConversionReport(@Reference OpportunityStatisticsService statistics) {
        super("stage-conversion", "Stage Conversion",
                "Per stage of a sales cycle: the opportunities that reached it, how many of them are won and lost"
                        + " now, and the share won.",
                List.of(ReportParameter.required("salesCycleCode", ValueType.STRING, "the sales cycle"),
                        ReportParameter.optional("from", ValueType.DATE, "only stages reached on or after"),
                        ReportParameter.optional("to", ValueType.DATE, "only stages reached on or before")));
        this.statistics = statistics;
    }

    @Override
    public ReportResult run(Map<String, Object> parameters) {
        ReportArguments args = ReportArguments.of(parameters);
        ReportResult.Builder result = ReportResult.builder(id(), title()).parameters(parameters)
                .column("stage", ValueType.INTEGER, "Stage")
                .column("description", ValueType.STRING, "Description")
                .column("reached", ValueType.INTEGER, "Opportunities Reached")
                .column("won", ValueType.INTEGER, "Won")
                .column("lost", ValueType.INTEGER, "Lost")
                .column("wonPercent", ValueType.DECIMAL, "Won %");
        for (StageActivity stage : statistics.stageActivity(args.text("salesCycleCode"), args.date("from"),
                args.date("to"), true)) {
            Map<String, Object> row = result.row();
            row.put("stage", (long) stage.stage());
            row.put("description", stage.description());
            row.put("reached", stage.opportunities());
            row.put("won", stage.won());
            row.put("lost", stage.lost());
            row.put("wonPercent", percent(stage.won(), stage.opportunities()));
        }
        return result.build();
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
