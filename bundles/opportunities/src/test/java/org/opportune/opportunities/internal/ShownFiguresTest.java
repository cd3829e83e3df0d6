package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.statistics.Aggregation;
import org.opportune.api.statistics.Figures;
import org.opportune.api.statistics.Group;
import org.opportune.api.statistics.GroupsAndTotal;
import org.opportune.api.statistics.GroupKey;
import org.opportune.api.statistics.SalesCycleStatistics;
import org.opportune.api.statistics.SalespersonStatistics;

/**
 * The statistics hand amounts out as they are shown, with 2 decimals, each rounded once from the
 * exact sums: totals, months folded from days and averages are computed before rounding.
 */
public class ShownFiguresTest extends OpportunityTestSupport {
    private OpportunityStatisticsServiceImpl statistics;

    /** Cycle THIRD: the probability is the chances, every stage's 33.3, so EV 1 gives a CCV of 0.333. */
    @Before
    public void startStatistics() {
        statistics = new OpportunityStatisticsServiceImpl(store, modules, callers);
        cycles.add("THIRD", "CHANCES_OF_SUCCESS", false,
                FakeCycles.stage(1, "One", "10", "33.3", null, false, false),
                FakeCycles.stage(2, "Two", "20", "33.3", null, false, false),
                FakeCycles.stage(3, "Three", "30", "33.3", null, false, false));
    }

    /** An opportunity of CT1 (JO) on THIRD with EV 1 and CCV 0.333, estimated to close on {@code closeDate}. */
    private Opportunity third(LocalDate closeDate) {
        Opportunity opportunity = service.create(newOpportunity(null, "Third", "CT1", null, "THIRD", null,
                activation(null, d("1"), d("33.3"), closeDate)));
        assertEquals(0, new BigDecimal("0.333").compareTo(opportunity.calculatedCurrentValue()));
        return opportunity;
    }

    private static void assertShown(String estimatedValue, String calculatedCurrentValue, Figures figures) {
        assertEquals(figures.toString(), new BigDecimal(estimatedValue), figures.estimatedValue());
        assertEquals(figures.toString(), new BigDecimal(calculatedCurrentValue), figures.calculatedCurrentValue());
    }

    @Test
    public void wholeAmountsComeBackWithTwoDecimals() {
        service.create(newOpportunity(null, "A", "CT1", null, "STD", null,
                activation(null, d("6000"), d("50"), LocalDate.of(2024, 3, 31))));
        assertShown("6000.00", "300.00", statistics.salesperson("JO").figures());
        assertShown("6000.00", "300.00", statistics.contact("CT1").figures());
        assertShown("6000.00", "300.00", statistics.salesCycle("STD", null, null, null).total().figures());
        assertShown("6000.00", "300.00", statistics.aggregate(Aggregation.of(null)).get(0).figures());
        assertShown("0.00", "0.00", statistics.salesperson("KIM").figures());
    }

    @Test
    public void threeTimesAThirdIsShownAsOne() {
        third(LocalDate.of(2024, 3, 1));
        third(LocalDate.of(2024, 3, 2));
        third(LocalDate.of(2024, 3, 3));
        SalespersonStatistics jo = statistics.salesperson("JO");
        assertShown("3.00", "1.00", jo.figures());
        assertEquals(new BigDecimal("0.33"), jo.averageCalculatedCurrentValue());
        assertShown("3.00", "1.00", statistics.contact("CT1").figures());
        // the month is folded from three days in Java: their exact sums are added, then rounded
        List<Group> byMonth = statistics.aggregate(Aggregation.of(OpportunityQuery.all())
                .groupedBy(GroupKey.ESTIMATED_CLOSE_MONTH));
        assertEquals(1, byMonth.size());
        assertShown("3.00", "1.00", byMonth.get(0).figures());
    }

    @Test
    public void groupsWithTheirTotalFromOneReadingRoundTheTotalsExactSums() {
        third(LocalDate.of(2024, 3, 1));
        third(LocalDate.of(2024, 4, 1));
        third(LocalDate.of(2024, 5, 1));
        Aggregation byMonth = Aggregation.of(OpportunityQuery.all()).groupedBy(GroupKey.ESTIMATED_CLOSE_MONTH);
        GroupsAndTotal months = statistics.aggregateWithTotal(byMonth);
        assertEquals(statistics.aggregate(byMonth), months.groups());
        assertEquals(3, months.groups().size());
        for (Group month : months.groups()) {
            assertShown("1.00", "0.33", month.figures());
        }
        assertShown("3.00", "1.00", months.total()); // not 0.99, the sum of the rounded months
        assertEquals(3, months.total().count());
        assertEquals(statistics.aggregate(byMonth.groupedBy()).get(0).figures(), months.total());
    }

    @Test
    public void severalGroupingsFromOneReadingAreEachAsAggregateGivesThem() {
        third(LocalDate.of(2024, 3, 1));
        third(LocalDate.of(2024, 4, 1));
        third(LocalDate.of(2024, 5, 1));
        service.create(newOpportunity(null, "Big", "CT1", null, "STD", null,
                activation(null, d("6000"), d("50"), LocalDate.of(2024, 3, 31))));
        Aggregation all = Aggregation.of(OpportunityQuery.all());
        List<List<GroupKey>> groupings = List.of(List.of(GroupKey.ESTIMATED_CLOSE_MONTH),
                List.of(GroupKey.SALES_CYCLE, GroupKey.SALESPERSON), List.of(GroupKey.SALESPERSON), List.of());
        List<List<Group>> each = statistics.aggregateEach(all, groupings);
        assertEquals(groupings.size(), each.size());
        for (int i = 0; i < groupings.size(); i++) {
            assertEquals(statistics.aggregate(all.groupedBy(groupings.get(i).toArray(GroupKey[]::new))), each.get(i));
        }
        // the cycles' rows are added up exactly: JO's three thirds and 300 are 301.00, not 0.33 x 3 + 300
        assertEquals(List.of("JO"), each.get(2).get(0).keys());
        assertShown("6003.00", "301.00", each.get(2).get(0).figures());
        assertShown("6003.00", "301.00", each.get(3).get(0).figures());
        assertEquals(3, each.get(0).size());
        assertShown("6001.00", "300.33", each.get(0).get(0).figures()); // March: a third and the big one
    }

    @Test
    public void severalGroupingsOfNothingAreNoGroupsAndOneOfZeros() {
        Aggregation none = Aggregation.of(OpportunityQuery.all().withSalesCycleCode("THIRD"));
        List<List<Group>> each = statistics.aggregateEach(none, List.of(List.of(GroupKey.STATUS), List.of()));
        assertEquals(List.of(), each.get(0));
        assertEquals(statistics.aggregate(none.groupedBy()), each.get(1));
        assertEquals(0, each.get(1).get(0).figures().count());
        assertShown("0.00", "0.00", each.get(1).get(0).figures());
    }

    @Test
    public void aTotalOfNoGroupsIsZero() {
        GroupsAndTotal none = statistics.aggregateWithTotal(Aggregation.of(OpportunityQuery.all().withSalesCycleCode(
                "THIRD")).groupedBy(GroupKey.SALESPERSON));
        assertEquals(List.of(), none.groups());
        assertEquals(0, none.total().count());
        assertShown("0.00", "0.00", none.total());
    }

    @Test
    public void theTotalRowRoundsTheExactSumsNotTheRows() {
        third(LocalDate.of(2024, 3, 1));
        Opportunity second = third(LocalDate.of(2024, 3, 1));
        Opportunity third = third(LocalDate.of(2024, 3, 1));
        service.move(second.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        service.move(third.no(), StageUpdate.to(OpportunityAction.NEXT, 2), null);
        service.move(third.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        SalesCycleStatistics cycle = statistics.salesCycle("THIRD", null, null, null);
        for (int stage = 0; stage < 3; stage++) {
            assertShown("1.00", "0.33", cycle.stages().get(stage).figures());
        }
        assertShown("3.00", "1.00", cycle.total().figures());
        assertShown("3.00", "1.00", cycle.open());
    }

    @Test
    public void averagesDivideTheExactSums() {
        // two opportunities of KIM with EV 0.01 and CCV 0.0025: sums 0.02 and 0.005
        for (int i = 0; i < 2; i++) {
            service.create(newOpportunity(null, "Tiny", "CT3", null, "THIRD", null,
                    activation(null, d("0.01"), d("25"), LocalDate.of(2024, 3, 1))));
        }
        SalespersonStatistics kim = statistics.salesperson("KIM");
        assertShown("0.02", "0.01", kim.figures());
        assertEquals(new BigDecimal("0.01"), kim.averageEstimatedValue());
        assertEquals("0.005 / 2 = 0.0025, not the shown 0.01 / 2", new BigDecimal("0.00"),
                kim.averageCalculatedCurrentValue());
    }

    @Test
    public void theTotalAverageDaysAddTheExactAveragesOfTheRows() {
        // stages 1 and 2 are each left after 1, 1 and 2 days: averages 4/3 (1.33 shown), total 8/3 (2.67, not 2.66)
        String[] nos = { third(LocalDate.of(2024, 3, 1)).no(), third(LocalDate.of(2024, 3, 1)).no(),
                third(LocalDate.of(2024, 3, 1)).no() };
        int[] days = { 1, 1, 2 };
        for (int i = 0; i < nos.length; i++) {
            clock.set(JAN_10.plusDays(days[i]));
            service.move(nos[i], StageUpdate.of(OpportunityAction.NEXT), null);
            clock.set(JAN_10.plusDays(2L * days[i]));
            service.move(nos[i], StageUpdate.of(OpportunityAction.NEXT), null);
        }
        SalesCycleStatistics cycle = statistics.salesCycle("THIRD", null, null, null);
        assertEquals(new BigDecimal("1.33"), cycle.stages().get(0).averageDays());
        assertEquals(new BigDecimal("1.33"), cycle.stages().get(1).averageDays());
        assertEquals(new BigDecimal("0.00"), cycle.stages().get(2).averageDays());
        assertEquals(new BigDecimal("2.67"), cycle.total().averageDays());
    }
}
