package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.opportune.api.NotFoundException;
import org.opportune.api.ValidationException;
import org.opportune.api.opportunity.Activation;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.statistics.Aggregation;
import org.opportune.api.statistics.Figures;
import org.opportune.api.statistics.Group;
import org.opportune.api.statistics.GroupKey;
import org.opportune.api.statistics.OpportunityStatistics;
import org.opportune.api.statistics.SalesCycleStatistics;
import org.opportune.api.statistics.StageActivity;
import org.opportune.api.statistics.StageStatistics;

/** DOMAIN §8 on hand-computed data: the worked example of §9 (also as of earlier days) and three opportunities. */
public class StatisticsTest extends OpportunityTestSupport {
    private OpportunityStatisticsServiceImpl statistics;

    @Before
    public void startStatistics() {
        statistics = new OpportunityStatisticsServiceImpl(store, modules, callers);
    }

    /** DOMAIN §9 from creation to WON; returns the opportunity's no. */
    private String workedExample() {
        clock.set(LocalDate.of(2024, 1, 10));
        Opportunity opportunity = service.create(newOpportunity(null, "Cronus order", "CT1", null, "STD", null,
                activation(null, d("10000"), d("25"), LocalDate.of(2024, 3, 31))));
        clock.set(LocalDate.of(2024, 1, 20));
        opportunity = service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        clock.set(LocalDate.of(2024, 2, 5));
        opportunity = service.move(opportunity.no(), stageUpdate(OpportunityAction.NEXT, null, null, d("12000"),
                d("55"), null), null);
        clock.set(LocalDate.of(2024, 2, 15));
        service.close(opportunity.no(), closing(CloseOutcome.WON, "WIN1", null, d("11500")), null);
        return opportunity.no();
    }

    @Test
    public void workedExampleCycleFiguresNowAndAsOfEarlierDays() {
        String no = workedExample();

        SalesCycleStatistics now = statistics.salesCycle("std", null, null, null);
        assertFigures(0, "0", "0", now.open());
        assertDays(now, "10", "16", "10", "0");
        assertEquals("the total row sums the average days: the expected length of the cycle", "Total",
                now.total().description());
        assertNumber("36", now.total().averageDays());

        SalesCycleStatistics jan15 = statistics.salesCycle("STD", null, null, LocalDate.of(2024, 1, 15));
        assertFigures(1, "10000", "250", jan15.open());
        assertFigures(1, "10000", "250", jan15.stages().get(0).figures());
        assertDays(jan15, "0", "0", "0", "0");

        SalesCycleStatistics jan25 = statistics.salesCycle("STD", null, null, LocalDate.of(2024, 1, 25));
        assertFigures(0, "0", "0", jan25.stages().get(0).figures());
        assertFigures(1, "10000", "1200", jan25.stages().get(1).figures());
        assertDays(jan25, "10", "0", "0", "0");

        SalesCycleStatistics feb14 = statistics.salesCycle("STD", null, null, LocalDate.of(2024, 2, 14));
        assertFigures(1, "12000", "3960", feb14.stages().get(2).figures());
        assertDays(feb14, "10", "16", "0", "0");
        assertFigures(0, "0", "0", statistics.salesCycle("STD", null, null, LocalDate.of(2024, 2, 15)).open());
        assertFigures(0, "0", "0", statistics.salesCycle("STD", null, null, LocalDate.of(2023, 12, 31)).open());
        assertEquals("the estimated close date of the entry counts as of then", 0, statistics.salesCycle("STD",
                LocalDate.of(2024, 2, 13), null, LocalDate.of(2024, 2, 14)).open().count());

        List<StageActivity> activity = statistics.stageActivity("STD", null, null, true);
        assertEquals(List.of(1L, 1L, 1L, 0L), activity.stream().map(StageActivity::entries).toList());
        assertEquals(List.of(1L, 1L, 1L, 0L), activity.stream().map(StageActivity::won).toList());
        assertEquals(List.of(0L, 0L, 0L, 0L), activity.stream().map(StageActivity::lost).toList());
        List<StageActivity> january = statistics.stageActivity("STD", null, LocalDate.of(2024, 1, 31), false);
        assertEquals("entries written up to Jan 31", List.of(1L, 1L, 0L, 0L),
                january.stream().map(StageActivity::entries).toList());
        assertEquals("outcomes only when asked", List.of(0L, 0L, 0L, 0L),
                january.stream().map(StageActivity::won).toList());

        OpportunityStatistics own = statistics.opportunity(no);
        assertEquals(OpportunityStatus.WON, own.status());
        assertEquals(4, own.entries());
        assertEquals("Jan 10 to Feb 15", 36, own.daysOpen());
        assertEquals(List.of(1, 2, 3), own.daysPerStage().stream().map(OpportunityStatistics.StageDays::stage).toList());
        assertEquals(List.of(10L, 16L, 10L), own.daysPerStage().stream().map(OpportunityStatistics.StageDays::days)
                .toList());
        assertNumber("11500", own.calculatedCurrentValue());

        assertFigures(1, "12000", "11500", statistics.salesperson("JO").figures());
    }

    /**
     * Three opportunities of salesperson JO on STD (MULTIPLY; stage 1 completed 10, stage 2 30 / chances 40, stage 3
     * 60 / chances 50): A EV 1000 at stage 2 (CCV 120), B EV 3000 at stage 3 (CCV 900), C EV 2000 at stage 1 with
     * chances 20 (CCV 40), and D not started.
     */
    private void threeOpportunities() {
        clock.set(LocalDate.of(2024, 1, 10));
        String a = service.create(newOpportunity(null, "A", "CT1", null, "STD", null,
                activation(null, d("1000"), d("50"), LocalDate.of(2024, 3, 31)))).no();
        String b = service.create(newOpportunity(null, "B", "CT1", null, "STD", null,
                activation(null, d("3000"), d("50"), LocalDate.of(2024, 3, 31)))).no();
        service.create(newOpportunity(null, "C", "CT2", "JO", "STD", null,
                activation(null, d("2000"), d("20"), LocalDate.of(2024, 3, 31))));
        service.create(newOpportunity(null, "D", "CT3", "JO", "STD", null));
        clock.set(LocalDate.of(2024, 1, 14));
        service.move(a, StageUpdate.of(OpportunityAction.NEXT), null); // stage 1 open 4 days; ECD Jan 24
        clock.set(LocalDate.of(2024, 1, 16));
        service.move(b, StageUpdate.of(OpportunityAction.NEXT), null); // stage 1 open 6 days
        clock.set(LocalDate.of(2024, 1, 26));
        service.move(b, StageUpdate.of(OpportunityAction.NEXT), null); // stage 2 open 10 days; ECD Feb 2
    }

    @Test
    public void threeOpportunitiesSalespersonAveragesAndStageAverageDays() {
        threeOpportunities();

        var jo = statistics.salesperson("jo");
        assertFigures(3, "6000", "1060", jo.figures());
        assertNumber("2000", jo.averageEstimatedValue());
        assertNumber("353.33", jo.averageCalculatedCurrentValue());
        assertFigures(0, "0", "0", statistics.salesperson("KIM").figures());
        assertNumber("0", statistics.salesperson("KIM").averageEstimatedValue());

        SalesCycleStatistics cycle = statistics.salesCycle("STD", null, null, null);
        assertFigures(3, "6000", "1060", cycle.open());
        assertFigures(1, "2000", "40", cycle.stages().get(0).figures());
        assertFigures(1, "1000", "120", cycle.stages().get(1).figures());
        assertFigures(1, "3000", "900", cycle.stages().get(2).figures());
        assertDays(cycle, "5", "10", "0", "0");
        assertNumber("15", cycle.total().averageDays());
        assertFigures(3, "6000", "1060", cycle.total().figures());

        SalesCycleStatistics closingSoon = statistics.salesCycle("STD", null, LocalDate.of(2024, 2, 28), null);
        assertFigures(2, "4000", "1020", closingSoon.open());

        assertFigures(3, "6000", "1060", statistics.contact("CT1").figures());
        assertTrue("a company includes its persons", statistics.contact("CT1").includesPersons());
        assertFigures(1, "2000", "40", statistics.contact("CT2").figures());
        assertFigures(0, "0", "0", statistics.contact("CT3").figures());
    }

    @Test
    public void aggregationsGroupInTheDatabase() {
        threeOpportunities();
        List<Group> byStatus = statistics.aggregate(Aggregation.of(null).groupedBy(GroupKey.STATUS));
        assertEquals(2, byStatus.size());
        assertEquals(List.of("IN_PROGRESS"), byStatus.get(0).keys());
        assertFigures(3, "6000", "1060", byStatus.get(0).figures());
        assertEquals(List.of("NOT_STARTED"), byStatus.get(1).keys());
        assertFigures(1, "0", "0", byStatus.get(1).figures());

        List<Group> byStage = statistics.aggregate(Aggregation.of(null).groupedBy(GroupKey.CURRENT_STAGE));
        assertEquals("nulls last", java.util.Arrays.asList(1, 2, 3, null),
                byStage.stream().map(group -> group.keys().get(0)).toList());

        List<Group> byQuarter = statistics.aggregate(Aggregation.of(inProgress())
                .groupedBy(GroupKey.SALESPERSON, GroupKey.ESTIMATED_CLOSE_QUARTER));
        assertEquals(1, byQuarter.size());
        assertEquals(List.of("JO", LocalDate.of(2024, 1, 1)), byQuarter.get(0).keys());
        assertFigures(3, "6000", "1060", byQuarter.get(0).figures());
        List<Group> byMonth = statistics.aggregate(Aggregation.of(inProgress())
                .groupedBy(GroupKey.ESTIMATED_CLOSE_MONTH));
        assertEquals(List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1)),
                byMonth.stream().map(group -> group.keys().get(0)).toList());
        assertFigures(1, "1000", "120", byMonth.get(0).figures());

        List<Group> all = statistics.aggregate(Aggregation.of(null));
        assertFigures(4, "6000", "1060", all.get(0).figures());

        ValidationException range = assertThrows(ValidationException.class, () -> statistics.aggregate(
                Aggregation.of(null).closedBetween(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1))));
        assertEquals("dateClosedTo", range.errors().get(0).field());
    }

    @Test
    public void closedOpportunitiesByCloseCodeAndClosingMonth() {
        threeOpportunities();
        clock.set(LocalDate.of(2024, 2, 10));
        service.close("OP000001", closing(CloseOutcome.WON, "WIN1", null, d("900")), null);
        service.close("OP000002", closing(CloseOutcome.LOST, "PRICE", null, null), null);
        List<Group> closed = statistics.aggregate(Aggregation.of(OpportunityQuery.all().withClosed(true))
                .closedBetween(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29))
                .groupedBy(GroupKey.STATUS, GroupKey.CLOSE_CODE, GroupKey.DATE_CLOSED_MONTH));
        assertEquals(2, closed.size());
        assertEquals(List.of("LOST", "PRICE", LocalDate.of(2024, 2, 1)), closed.get(0).keys());
        assertFigures(1, "3000", "0", closed.get(0).figures());
        assertEquals(List.of("WON", "WIN1", LocalDate.of(2024, 2, 1)), closed.get(1).keys());
        assertFigures(1, "1000", "900", closed.get(1).figures());
        assertEquals("none closed in March", List.of(), statistics.aggregate(Aggregation.of(null)
                .closedBetween(LocalDate.of(2024, 3, 1), null).groupedBy(GroupKey.STATUS)));

        List<StageActivity> activity = statistics.stageActivity("STD", null, null, true);
        assertEquals("A and B reached stage 2, A was won, B lost", List.of(3L, 2L, 1L, 0L),
                activity.stream().map(StageActivity::opportunities).toList());
        assertEquals(List.of(1L, 1L, 0L, 0L), activity.stream().map(StageActivity::won).toList());
        assertEquals(List.of(1L, 1L, 1L, 0L), activity.stream().map(StageActivity::lost).toList());
    }

    @Test
    public void unknownKeysAndBadRangesAreRefused() {
        assertThrows(NotFoundException.class, () -> statistics.salesCycle("NOPE", null, null, null));
        assertThrows(NotFoundException.class, () -> statistics.salesperson("NOPE"));
        assertThrows(NotFoundException.class, () -> statistics.contact("NOPE"));
        assertThrows(NotFoundException.class, () -> statistics.opportunity("OP999999"));
        assertThrows(NotFoundException.class, () -> statistics.stageActivity("NOPE", null, null, true));
        ValidationException range = assertThrows(ValidationException.class, () -> statistics.salesCycle("STD",
                LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1), null));
        assertEquals("estimatedCloseDateTo", range.errors().get(0).field());
        assertEquals(4, statistics.salesCycle("STD", null, null, null).stages().size());
        assertEquals("a cycle without stages has a total row only", List.of(),
                statistics.salesCycle("EMPTY", null, null, null).stages());
    }

    private static OpportunityQuery inProgress() {
        return OpportunityQuery.all().withStatus(OpportunityStatus.IN_PROGRESS);
    }

    private static void assertFigures(long count, String estimatedValue, String currentValue, Figures figures) {
        assertEquals(figures.toString(), count, figures.count());
        assertNumber(figures.toString(), estimatedValue, figures.estimatedValue());
        assertNumber(figures.toString(), currentValue, figures.calculatedCurrentValue());
    }

    private static void assertDays(SalesCycleStatistics statistics, String... days) {
        List<StageStatistics> stages = statistics.stages();
        assertEquals(days.length, stages.size());
        for (int i = 0; i < days.length; i++) {
            assertNumber("average days of stage " + stages.get(i).stage(), days[i], stages.get(i).averageDays());
        }
    }
}
