package org.opportune.reporting.internal.reports;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.report.Report;
import org.opportune.api.report.ReportArguments;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ValueType;
import org.opportune.api.statistics.Aggregation;
import org.opportune.api.statistics.Figures;
import org.opportune.api.statistics.Group;
import org.opportune.api.statistics.GroupsAndTotal;
import org.opportune.api.statistics.GroupKey;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * NAV "Salesperson – Opportunities": the opportunities grouped by salesperson, each group followed by
 * a row of type {@code SALESPERSON_TOTAL} with the salesperson's count and sums over every match.
 */
@Component(service = Report.class, property = Report.ID_PROPERTY + "=salesperson-opportunities")
public class SalespersonOpportunitiesReport extends BuiltInReport {
    static final String OPPORTUNITY = "OPPORTUNITY";
    static final String SALESPERSON_TOTAL = "SALESPERSON_TOTAL";

    private final OpportunityService opportunities;
    private final OpportunityStatisticsService statistics;

    @Activate
    public SalespersonOpportunitiesReport(@Reference OpportunityService opportunities,
            @Reference OpportunityStatisticsService statistics) {
        super("salesperson-opportunities", "Salesperson – Opportunities",
                "The opportunities grouped by salesperson, with a total row per salesperson and grand totals.",
                ListFilters.with(OpportunityRows.LIMIT));
        this.opportunities = opportunities;
        this.statistics = statistics;
    }

    @Override
    public ReportResult run(Map<String, Object> parameters) {
        ReportArguments args = ReportArguments.of(parameters);
        OpportunityQuery query = ListFilters.query(args);
        Map<String, Figures> perSalesperson = new HashMap<>();
        GroupsAndTotal salespeople = statistics.aggregateWithTotal(
                Aggregation.of(query).groupedBy(GroupKey.SALESPERSON));
        for (Group group : salespeople.groups()) {
            perSalesperson.put((String) group.keys().get(0), group.figures());
        }
        ReportResult.Builder result = ReportResult.builder(id(), title()).parameters(parameters)
                .column("rowType", ValueType.STRING, "Row");
        OpportunityRows.columns(result).column("count", ValueType.INTEGER, "No. of Opportunities");
        String current = null;
        for (Opportunity opportunity : OpportunityRows.read(opportunities, query, "salespersonCode,no",
                args.integer("limit"))) {
            if (current != null && !Objects.equals(current, opportunity.salespersonCode())) {
                totalRow(result, current, perSalesperson.get(current));
            }
            current = opportunity.salespersonCode();
            Map<String, Object> row = result.row();
            row.put("rowType", OPPORTUNITY);
            OpportunityRows.fill(row, opportunity);
        }
        if (current != null) {
            totalRow(result, current, perSalesperson.get(current));
        }
        return OpportunityRows.totals(result, salespeople.total()).build();
    }

    private static void totalRow(ReportResult.Builder result, String salespersonCode, Figures figures) {
        Map<String, Object> row = result.row();
        row.put("rowType", SALESPERSON_TOTAL);
        row.put("salespersonCode", salespersonCode);
        row.put("count", figures.count());
        row.put("estimatedValue", figures.estimatedValue());
        row.put("calculatedCurrentValue", figures.calculatedCurrentValue());
    }
}
