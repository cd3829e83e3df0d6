package org.opportune.reporting.internal.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.report.ChartKind;
import org.opportune.api.report.ChartSpec;
import org.opportune.api.report.Report;
import org.opportune.api.report.ReportArguments;
import org.opportune.api.report.ReportParameter;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ValueType;
import org.opportune.api.statistics.Aggregation;
import org.opportune.api.statistics.Group;
import org.opportune.api.statistics.GroupsAndTotal;
import org.opportune.api.statistics.GroupKey;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The open pipeline by estimated close month or quarter, per salesperson or per sales cycle. */
@Component(service = Report.class, property = Report.ID_PROPERTY + "=forecast")
public class ForecastReport extends BuiltInReport {
    private final OpportunityStatisticsService statistics;

    @Activate
    public ForecastReport(@Reference OpportunityStatisticsService statistics) {
        super("forecast", "Forecast",
                "The opportunities in progress by the month or quarter they are estimated to close, per salesperson"
                        + " or sales cycle: their estimated value and their calculated current value (weighted by"
                        + " probability).",
                List.of(ReportParameter.builder("period", ValueType.STRING).description("MONTH or QUARTER")
                        .allowedValues(List.of("MONTH", "QUARTER")).defaultValue("MONTH").build(),
                        ReportParameter.builder("by", ValueType.STRING).description("SALESPERSON or SALES_CYCLE")
                                .allowedValues(List.of("SALESPERSON", "SALES_CYCLE")).defaultValue("SALESPERSON")
                                .build(),
                        ReportParameter.optional("from", ValueType.DATE, "estimated to close on or after"),
                        ReportParameter.optional("to", ValueType.DATE, "estimated to close on or before"),
                        ReportParameter.optional("salespersonCode", ValueType.STRING, "only this salesperson's"),
                        ReportParameter.optional("salesCycleCode", ValueType.STRING, "only this sales cycle's")));
        this.statistics = statistics;
    }

    @Override
    public boolean hasChart() {
        return true;
    }

    @Override
    public ReportResult run(Map<String, Object> parameters) {
        ReportArguments args = ReportArguments.of(parameters);
        boolean quarters = "QUARTER".equals(args.text("period"));
        GroupKey by = args.enumValue("by", GroupKey.class); // its allowed values are GroupKey names
        OpportunityQuery query = OpportunityQuery.all().withStatus(OpportunityStatus.IN_PROGRESS)
                .withSalespersonCode(args.text("salespersonCode"))
                .withSalesCycleCode(args.text("salesCycleCode"))
                .withEstimatedCloseDates(args.date("from"), args.date("to"));
        Aggregation inProgress = Aggregation.of(query);
        GroupsAndTotal periods = statistics.aggregateWithTotal(inProgress.groupedBy(
                quarters ? GroupKey.ESTIMATED_CLOSE_QUARTER : GroupKey.ESTIMATED_CLOSE_MONTH, by));
        String codeColumn = by == GroupKey.SALESPERSON ? "salespersonCode" : "salesCycleCode";
        ReportResult.Builder result = ReportResult.builder(id(), title()).parameters(parameters)
                .column("period", ValueType.STRING, quarters ? "Quarter" : "Month")
                .column("periodStart", ValueType.DATE, "From")
                .column(codeColumn, ValueType.STRING, by == GroupKey.SALESPERSON ? "Salesperson" : "Sales Cycle")
                .column("label", ValueType.STRING, "Label")
                .column("count", ValueType.INTEGER, "No. of Opportunities")
                .column("estimatedValue", ValueType.DECIMAL, "Estimated Value")
                .column("calculatedCurrentValue", ValueType.DECIMAL, "Calc. Current Value");
        for (Group group : periods.groups()) {
            LocalDate start = (LocalDate) group.keys().get(0);
            String period = start == null ? "no date" : quarters
                    ? start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1)
                    : String.format(Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue()); // ASCII digits
            String code = (String) group.keys().get(1);
            Map<String, Object> row = result.row();
            row.put("period", period);
            row.put("periodStart", start);
            row.put(codeColumn, code);
            row.put("label", period + " " + code);
            row.put("count", group.figures().count());
            row.put("estimatedValue", group.figures().estimatedValue());
            row.put("calculatedCurrentValue", group.figures().calculatedCurrentValue());
        }
        return OpportunityRows.totals(result, periods.total())
                .chart(new ChartSpec(ChartKind.COLUMNS, "label", List.of("calculatedCurrentValue", "estimatedValue")))
                .build();
    }
}
