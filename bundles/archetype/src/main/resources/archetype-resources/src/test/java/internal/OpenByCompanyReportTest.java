package ${package}.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.report.ReportResult;
import org.opportune.api.statistics.Aggregation;
import org.opportune.api.statistics.ContactStatistics;
import org.opportune.api.statistics.Figures;
import org.opportune.api.statistics.Group;
import org.opportune.api.statistics.GroupKey;
import org.opportune.api.statistics.OpportunityStatistics;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.api.statistics.SalesCycleStatistics;
import org.opportune.api.statistics.SalespersonStatistics;
import org.opportune.api.statistics.StageActivity;

public class OpenByCompanyReportTest {
    private final List<Aggregation> asked = new ArrayList<>();
    private final OpenByCompanyReport report = new OpenByCompanyReport(new CannedStatistics());

    @Test
    public void aRowPerCompanyFromTheDatabasesGroups() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("salesCycleCode", "STD");

        ReportResult result = report.run(parameters);

        Aggregation aggregation = asked.get(0);
        assertEquals(OpportunityStatus.IN_PROGRESS, aggregation.filter().status());
        assertEquals("STD", aggregation.filter().salesCycleCode());
        assertEquals(List.of(GroupKey.CONTACT_COMPANY), aggregation.groupBy());
        assertEquals(2, result.rows().size());
        assertEquals("CT000001", result.rows().get(0).get("company"));
        assertEquals(3L, result.rows().get(0).get("count"));
        assertNull("persons without a company", result.rows().get(1).get("company"));
        assertEquals(4L, result.totals().get("count"));
    }

    /** Answers aggregate with two groups; the report asks nothing else. */
    private final class CannedStatistics implements OpportunityStatisticsService {
        @Override
        public List<Group> aggregate(Aggregation aggregation) {
            asked.add(aggregation);
            return List.of(new Group(List.of("CT000001"), new Figures(3, new BigDecimal("30000"), BigDecimal.ZERO)),
                    new Group(Arrays.asList((Object) null), new Figures(1, BigDecimal.TEN, BigDecimal.ZERO)));
        }

        @Override
        public SalesCycleStatistics salesCycle(String salesCycleCode, LocalDate estimatedCloseDateFrom,
                                               LocalDate estimatedCloseDateTo, LocalDate asOf) {
            throw new AssertionError("not asked by the report");
        }

        @Override
        public SalespersonStatistics salesperson(String salespersonCode) {
            throw new AssertionError("not asked by the report");
        }

        @Override
        public ContactStatistics contact(String contactNo) {
            throw new AssertionError("not asked by the report");
        }

        @Override
        public OpportunityStatistics opportunity(String opportunityNo) {
            throw new AssertionError("not asked by the report");
        }

        @Override
        public List<StageActivity> stageActivity(String salesCycleCode, LocalDate from, LocalDate to,
                                                 boolean withOutcomes) {
            throw new AssertionError("not asked by the report");
        }
    }
}
