package org.opportune.reporting.internal.reports;

import java.util.List;
import java.util.Map;

import org.opportune.api.report.Report;
import org.opportune.api.report.ReportArguments;
import org.opportune.api.report.ReportParameter;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ValueType;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.api.statistics.SalesCycleStatistics;
import org.opportune.api.statistics.StageStatistics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** NAV "Sales Cycle – Analysis" (DOMAIN §8): a row per stage and the total row, now or as of a day. */
@Component(service = Report.class, property = Report.ID_PROPERTY + "=sales-cycle-analysis")
public class SalesCycleAnalysisReport extends BuiltInReport {
    private final OpportunityStatisticsService statistics;

    @Activate
    public SalesCycleAnalysisReport(@Reference OpportunityStatisticsService statistics) {
        super("sales-cycle-analysis", "Sales Cycle – Analysis",
                "Per stage of a cycle: the open opportunities at it, their values and the average days spent at it;"
                        + " the total row's average days is the expected length of the cycle.",
                List.of(ReportParameter.required("salesCycleCode", ValueType.STRING, "the sales cycle"),
                        ReportParameter.optional("estimatedCloseDateFrom", ValueType.DATE,
                                "only opportunities estimated to close on or after"),
                        ReportParameter.optional("estimatedCloseDateTo", ValueType.DATE,
                                "only opportunities estimated to close on or before"),
                        ReportParameter.optional("asOf", ValueType.DATE,
                                "the figures as the history stood at the end of this day")));
        this.statistics = statistics;
    }

    @Override
    public ReportResult run(Map<String, Object> parameters) {
        ReportArguments args = ReportArguments.of(parameters);
        SalesCycleStatistics cycle = statistics.salesCycle(args.text("salesCycleCode"),
                args.date("estimatedCloseDateFrom"), args.date("estimatedCloseDateTo"), args.date("asOf"));
        ReportResult.Builder result = ReportResult.builder(id(), title()).parameters(parameters)
                .column("stage", ValueType.INTEGER, "Stage")
                .column("description", ValueType.STRING, "Description")
                .column("count", ValueType.INTEGER, "No. of Opportunities")
                .column("estimatedValue", ValueType.DECIMAL, "Estimated Value")
                .column("calculatedCurrentValue", ValueType.DECIMAL, "Calc. Current Value")
                .column("averageDays", ValueType.DECIMAL, "Average No. of Days");
        for (StageStatistics stage : cycle.stages()) {
            Map<String, Object> row = result.row();
            row.put("stage", stage.stage().longValue());
            row.put("description", stage.description());
            row.put("count", stage.figures().count());
            row.put("estimatedValue", stage.figures().estimatedValue());
            row.put("calculatedCurrentValue", stage.figures().calculatedCurrentValue());
            row.put("averageDays", stage.averageDays());
        }
        StageStatistics total = cycle.total();
        return result.total("count", total.figures().count())
                .total("estimatedValue", total.figures().estimatedValue())
                .total("calculatedCurrentValue", total.figures().calculatedCurrentValue())
                .total("averageDays", total.averageDays())
                .build();
    }
}
