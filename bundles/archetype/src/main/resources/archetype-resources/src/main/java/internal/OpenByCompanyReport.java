package ${package}.internal;

import java.util.List;
import java.util.Map;

import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityStatus;
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
 * A report: the opportunities in progress per company, counted and summed by the database. Listed by
 * {@code GET /api/v1/reports}, run by {@code GET /api/v1/reports/open-by-company?salesCycleCode=STD}.
 */
@Component(property = Report.ID_PROPERTY + "=" + OpenByCompanyReport.ID)
public class OpenByCompanyReport implements Report {
    static final String ID = "open-by-company";
    static final String CYCLE = "salesCycleCode";

    private final OpportunityStatisticsService statistics;

    @Activate
    public OpenByCompanyReport(@Reference OpportunityStatisticsService statistics) {
        this.statistics = statistics;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Open opportunities by company";
    }

    @Override
    public String description() {
        return "Count and estimated value of the opportunities in progress, per company";
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(ReportParameter.optional(CYCLE, ValueType.STRING, "only this sales cycle"));
    }

    @Override
    public ReportResult run(Map<String, Object> parameters) {
        OpportunityQuery open = OpportunityQuery.all().withStatus(OpportunityStatus.IN_PROGRESS)
                .withSalesCycleCode(ReportArguments.of(parameters).text(CYCLE));
        ReportResult.Builder result = ReportResult.builder(id(), title()).parameters(parameters)
                .column("company", ValueType.STRING, "Company")
                .column("count", ValueType.INTEGER, "Open")
                .column("estimatedValue", ValueType.DECIMAL, "Estimated Value");
        long count = 0;
        for (Group group : statistics.aggregate(Aggregation.of(open).groupedBy(GroupKey.CONTACT_COMPANY))) {
            Map<String, Object> row = result.row();
            row.put("company", group.keys().get(0)); // null: persons without a company
            row.put("count", group.figures().count());
            row.put("estimatedValue", group.figures().estimatedValue());
            count += group.figures().count();
        }
        return result.total("count", count).build();
    }
}
