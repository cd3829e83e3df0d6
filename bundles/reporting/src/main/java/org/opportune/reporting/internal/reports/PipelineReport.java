package org.opportune.reporting.internal.reports;

import java.util.List;
import java.util.Map;

import org.opportune.api.report.ChartKind;
import org.opportune.api.report.ChartSpec;
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

/** NAV's opportunity pipeline (funnel) chart: per stage of a cycle, how often it was entered. */
@Component(service = Report.class, property = Report.ID_PROPERTY + "=pipeline")
public class PipelineReport extends BuiltInReport {
    private final OpportunityStatisticsService statistics;

    @Activate
    public PipelineReport(@Reference OpportunityStatisticsService statistics) {
        super("pipeline", "Opportunity Pipeline",
                "Per stage of a sales cycle, the entries ever written at it (how often it was entered) and the"
                        + " opportunities that reached it; a funnel as SVG.",
                List.of(ReportParameter.required("salesCycleCode", ValueType.STRING, "the sales cycle"),
                        ReportParameter.optional("from", ValueType.DATE, "only entries written on or after"),
                        ReportParameter.optional("asOf", ValueType.DATE, "only entries written on or before")));
        this.statistics = statistics;
    }

    @Override
    public boolean hasChart() {
        return true;
    }

    @Override
    public ReportResult run(Map<String, Object> parameters) {
        ReportArguments args = ReportArguments.of(parameters);
        ReportResult.Builder result = ReportResult.builder(id(), title()).parameters(parameters)
                .column("stage", ValueType.INTEGER, "Stage")
                .column("description", ValueType.STRING, "Description")
                .column("entries", ValueType.INTEGER, "Entries")
                .column("opportunities", ValueType.INTEGER, "Opportunities");
        long entries = 0;
        for (StageActivity stage : statistics.stageActivity(args.text("salesCycleCode"), args.date("from"),
                args.date("asOf"), false)) {
            Map<String, Object> row = result.row();
            row.put("stage", (long) stage.stage());
            row.put("description", stage.description() == null ? "Stage " + stage.stage() : stage.description());
            row.put("entries", stage.entries());
            row.put("opportunities", stage.opportunities());
            entries += stage.entries();
        }
        return result.total("entries", entries)
                .chart(new ChartSpec(ChartKind.FUNNEL, "description", List.of("entries")))
                .build();
    }
}
