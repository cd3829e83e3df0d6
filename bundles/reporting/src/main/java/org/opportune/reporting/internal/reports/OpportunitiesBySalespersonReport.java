package org.opportune.reporting.internal.reports;

import java.time.LocalDate;
import java.util.List;
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
import org.opportune.api.statistics.GroupKey;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * NAV's "Opportunities by Salesperson" chart (DOMAIN §8): for one status and a period, not started and
 * in-progress opportunities counted by creation date up to the period's end, won and lost ones by closing
 * date within the period.
 */
@Component(service = Report.class, property = Report.ID_PROPERTY + "=opportunities-by-salesperson")
public class OpportunitiesBySalespersonReport extends BuiltInReport {
    private final OpportunityStatisticsService statistics;

    @Activate
    public OpportunitiesBySalespersonReport(@Reference OpportunityStatisticsService statistics) {
        super("opportunities-by-salesperson", "Opportunities by Salesperson",
                "Per salesperson, the opportunities of one status in a period: not started and in progress by"
                        + " creation date up to the period's end, won and lost by closing date in the period.",
                List.of(ReportParameter.builder("status", ValueType.STRING).required(true).description("the status")
                        .allowedValues(ListFilters.STATUSES).build(),
                        ReportParameter.optional("from", ValueType.DATE, "the period's first day"),
                        ReportParameter.optional("to", ValueType.DATE, "the period's last day")));
        this.statistics = statistics;
    }

    @Override
    public boolean hasChart() {
        return true;
    }

    @Override
    public ReportResult run(Map<String, Object> parameters) {
        ReportArguments args = ReportArguments.of(parameters);
        OpportunityStatus status = args.enumValue("status", OpportunityStatus.class);
        LocalDate from = args.date("from");
        LocalDate to = args.date("to");
        OpportunityQuery query = OpportunityQuery.all().withStatus(status);
        // won and lost ones count by closing date in the period, the others by creation up to its end
        Aggregation aggregation = status == OpportunityStatus.WON || status == OpportunityStatus.LOST
                ? Aggregation.of(query).closedBetween(from, to)
                : Aggregation.of(query.withCreationDates(null, to));
        ReportResult.Builder result = ReportResult.builder(id(), title()).parameters(parameters)
                .column("salespersonCode", ValueType.STRING, "Salesperson")
                .column("count", ValueType.INTEGER, "No. of Opportunities")
                .column("estimatedValue", ValueType.DECIMAL, "Estimated Value")
                .column("calculatedCurrentValue", ValueType.DECIMAL, "Calc. Current Value");
        long count = 0;
        for (Group group : statistics.aggregate(aggregation.groupedBy(GroupKey.SALESPERSON))) {
            Map<String, Object> row = result.row();
            row.put("salespersonCode", group.keys().get(0));
            row.put("count", group.figures().count());
            row.put("estimatedValue", group.figures().estimatedValue());
            row.put("calculatedCurrentValue", group.figures().calculatedCurrentValue());
            count += group.figures().count();
        }
        return result.total("count", count)
                .chart(new ChartSpec(ChartKind.BARS, "salespersonCode", List.of("count")))
                .build();
    }
}
