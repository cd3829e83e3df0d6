package org.opportune.reporting.internal.reports;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.opportune.api.PageRequest;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.report.ReportResult;
import org.opportune.api.statistics.Figures;
import org.opportune.api.statistics.Group;
import org.opportune.api.statistics.GroupKey;

/** The reports that list opportunities: their rows from the list, their totals rounded once. */
public class ListedReportsTest {
    private final FakeStatistics statistics = new FakeStatistics();

    /** An opportunity in progress with the values these reports show; the rest is empty. */
    record OpenOpportunity(String no, String salespersonCode, BigDecimal estimatedValue,
            BigDecimal calculatedCurrentValue) implements Opportunity {
        public OpportunityStatus status() {
            return OpportunityStatus.IN_PROGRESS;
        }

        public boolean closed() {
            return false;
        }

        public long version() {
            return 1;
        }

        public String description() {
            return null;
        }

        public String contactNo() {
            return null;
        }

        public String contactCompanyNo() {
            return null;
        }

        public String salesCycleCode() {
            return null;
        }

        public OpportunityPriority priority() {
            return null;
        }

        public LocalDate creationDate() {
            return null;
        }

        public LocalDate dateClosed() {
            return null;
        }

        public Integer currentStage() {
            return null;
        }

        public BigDecimal chancesOfSuccessPercent() {
            return null;
        }

        public BigDecimal completedPercent() {
            return null;
        }

        public BigDecimal probabilityPercent() {
            return null;
        }

        public LocalDate estimatedCloseDate() {
            return null;
        }

        public String closeCode() {
            return null;
        }

        public SalesQuote salesQuote() {
            return null;
        }

        public Integer daysIdle() {
            return null;
        }

        public String changedBy() {
            return null;
        }

        public Instant changedAt() {
            return null;
        }
    }

    /** Lists {@code opportunities} page by page (the page's items only), whatever the query; nothing else. */
    private static OpportunityService listing(List<Opportunity> opportunities) {
        return (OpportunityService) Proxy.newProxyInstance(OpportunityService.class.getClassLoader(),
                new Class<?>[] { OpportunityService.class }, (proxy, method, args) -> {
                    if (!method.getName().equals("listItems")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    PageRequest page = (PageRequest) args[1];
                    int from = Math.min(page.offset(), opportunities.size());
                    int to = Math.min(page.offset() + page.limit(), opportunities.size());
                    return opportunities.subList(from, to);
                });
    }

    private static Figures figures(long count, String estimated, String current) {
        return new Figures(count, new BigDecimal(estimated), new BigDecimal(current));
    }

    @Test
    public void topOpenTotalsAreTheUnroundedValuesSummedThenRoundedOnce() {
        // 0.005 rounded alone is 0.01, so adding rounded values would give 0.02
        OpportunityService opportunities = listing(List.of(
                new OpenOpportunity("OP1", "JO", new BigDecimal("1000.5"), new BigDecimal("0.005")),
                new OpenOpportunity("OP2", "JO", new BigDecimal("200"), new BigDecimal("0.005"))));
        ReportResult result = new TopOpenOpportunitiesReport(opportunities).run(Map.of("n", 10L));
        assertEquals(List.of(1L, 2L), result.rows().stream().map(row -> row.get("rank")).toList());
        assertEquals("rows show the values as they are", new BigDecimal("0.005"),
                result.rows().get(0).get("calculatedCurrentValue"));
        assertEquals(2L, result.totals().get("count"));
        assertEquals(new BigDecimal("1200.50"), result.totals().get("estimatedValue"));
        assertEquals(new BigDecimal("0.01"), result.totals().get("calculatedCurrentValue"));
    }

    @Test
    public void salespersonOpportunitiesTotalsEachSalespersonAndAllOfThemAsTheDatabaseRoundsThem() {
        OpportunityService opportunities = listing(List.of(
                new OpenOpportunity("OP1", "JO", new BigDecimal("100"), new BigDecimal("0.005")),
                new OpenOpportunity("OP2", "KIM", new BigDecimal("200"), new BigDecimal("0.005"))));
        // each salesperson's sum rounded alone is 0.01; the sum of all, rounded once, is 0.01 too
        statistics.answers.add(List.of(new Group(List.of("JO"), figures(1, "100.00", "0.01")),
                new Group(List.of("KIM"), figures(1, "200.00", "0.01"))));
        statistics.answers.add(List.of(new Group(List.of(), figures(2, "300.00", "0.01"))));
        ReportResult result = new SalespersonOpportunitiesReport(opportunities, statistics)
                .run(Map.of("limit", 500L));
        String opportunity = SalespersonOpportunitiesReport.OPPORTUNITY;
        String salespersonTotal = SalespersonOpportunitiesReport.SALESPERSON_TOTAL;
        assertEquals(List.of(opportunity, salespersonTotal, opportunity, salespersonTotal),
                result.rows().stream().map(row -> row.get("rowType")).toList());
        assertEquals(new BigDecimal("0.01"), result.rows().get(1).get("calculatedCurrentValue"));
        assertEquals(List.of(GroupKey.SALESPERSON), statistics.asked.get(0).groupBy());
        assertEquals("the grand total is one sum of every match", List.of(), statistics.asked.get(1).groupBy());
        assertEquals(statistics.asked.get(0).filter(), statistics.asked.get(1).filter());
        assertEquals(2L, result.totals().get("count"));
        assertEquals(new BigDecimal("300.00"), result.totals().get("estimatedValue"));
        assertEquals(new BigDecimal("0.01"), result.totals().get("calculatedCurrentValue"));
    }
}
