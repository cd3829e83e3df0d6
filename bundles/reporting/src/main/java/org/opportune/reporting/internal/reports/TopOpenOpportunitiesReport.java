package org.opportune.reporting.internal.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.report.Report;
import org.opportune.api.report.ReportArguments;
import org.opportune.api.report.ReportParameter;
import org.opportune.api.report.ReportResult;
import org.opportune.api.report.ValueType;
import org.opportune.api.statistics.Figures;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** NAV's "Top 10 open opportunities": the open opportunities with the highest estimated value. */
@Component(service = Report.class, property = Report.ID_PROPERTY + "=top-open-opportunities")
public class TopOpenOpportunitiesReport extends BuiltInReport {
    private final OpportunityService opportunities;

    @Activate
    public TopOpenOpportunitiesReport(@Reference OpportunityService opportunities) {
        super("top-open-opportunities", "Top Open Opportunities",
                "The opportunities in progress with the highest estimated value, highest first.",
                List.of(ReportParameter.count("n", "how many", 1, 500, 10),
                        ReportParameter.optional("salespersonCode", ValueType.STRING, "only this salesperson's"),
                        ReportParameter.optional("salesCycleCode", ValueType.STRING, "only this sales cycle's")));
        this.opportunities = opportunities;
    }

    @Override
    public ReportResult run(Map<String, Object> parameters) {
        ReportArguments args = ReportArguments.of(parameters);
        long n = args.integer("n");
        OpportunityQuery query = OpportunityQuery.all().withStatus(OpportunityStatus.IN_PROGRESS)
                .withSalespersonCode(args.text("salespersonCode"))
                .withSalesCycleCode(args.text("salesCycleCode"));
        ReportResult.Builder result = ReportResult.builder(id(), title()).parameters(parameters)
                .column("rank", ValueType.INTEGER, "Rank");
        OpportunityRows.columns(result);
        BigDecimal estimated = BigDecimal.ZERO;
        BigDecimal current = BigDecimal.ZERO;
        long rank = 0;
        for (Opportunity opportunity : OpportunityRows.read(opportunities, query, "-estimatedValue,no", n)) {
            Map<String, Object> row = result.row();
            row.put("rank", ++rank);
            OpportunityRows.fill(row, opportunity);
            estimated = estimated.add(opportunity.estimatedValue());
            current = current.add(opportunity.calculatedCurrentValue());
        }
        return result.total("count", rank).total("estimatedValue", rounded(estimated))
                .total("calculatedCurrentValue", rounded(current)).build();
    }

    /** A sum of the opportunities' unrounded values, rounded once at the end as the statistics' sums are (DOMAIN). */
    private static BigDecimal rounded(BigDecimal sum) {
        return sum.setScale(Figures.AMOUNT_SCALE, RoundingMode.HALF_UP);
    }
}
