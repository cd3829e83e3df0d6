package org.opportune.reporting.internal.reports;

import java.util.Map;

import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.report.Report;
import org.opportune.api.report.ReportArguments;
import org.opportune.api.report.ReportResult;
import org.opportune.api.statistics.Aggregation;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** NAV "Opportunity – List": the opportunities that match the list filters, with totals over all of them. */
@Component(service = Report.class, property = Report.ID_PROPERTY + "=opportunity-list")
public class OpportunityListReport extends BuiltInReport {
    private final OpportunityService opportunities;
    private final OpportunityStatisticsService statistics;

    @Activate
    public OpportunityListReport(@Reference OpportunityService opportunities,
            @Reference OpportunityStatisticsService statistics) {
        super("opportunity-list", "Opportunity – List",
                "The opportunities that match the filters, by no., with their current stage and values; totals count"
                        + " every match.",
                ListFilters.with(OpportunityRows.LIMIT));
        this.opportunities = opportunities;
        this.statistics = statistics;
    }

    @Override
    public ReportResult run(Map<String, Object> parameters) {
        ReportArguments args = ReportArguments.of(parameters);
        OpportunityQuery query = ListFilters.query(args);
        ReportResult.Builder result = ReportResult.builder(id(), title()).parameters(parameters);
        OpportunityRows.columns(result);
        for (Opportunity opportunity : OpportunityRows.read(opportunities, query, "no", args.integer("limit"))) {
            OpportunityRows.fill(result.row(), opportunity);
        }
        // the rows stop at the limit, the totals count every match
        return OpportunityRows.totals(result, OpportunityRows.overall(statistics, Aggregation.of(query))).build();
    }
}
