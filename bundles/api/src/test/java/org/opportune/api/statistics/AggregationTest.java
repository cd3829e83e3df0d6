package org.opportune.api.statistics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.junit.Test;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityStatus;

/** Queries and aggregations built without a null in sight, and the same as spelled out in full. */
public class AggregationTest {
    private static final LocalDate JAN = LocalDate.of(2024, 1, 1);
    private static final LocalDate MAR = LocalDate.of(2024, 3, 31);

    @Test
    public void eachWithSetsItsFilterAndKeepsTheOthers() {
        OpportunityQuery query = OpportunityQuery.all().withText("chairs").withStatus(OpportunityStatus.IN_PROGRESS)
                .withClosed(false).withSalespersonCode("JO").withContactNo("CT000002")
                .withContactCompanyNo("CT000001").withSalesCycleCode("STD").withCurrentStage(2)
                .withPriority(OpportunityPriority.HIGH).withCreationDates(JAN, MAR).withEstimatedCloseDates(MAR, null);

        assertEquals("chairs", query.text());
        assertEquals(OpportunityStatus.IN_PROGRESS, query.status());
        assertEquals(false, query.closed());
        assertEquals("JO", query.salespersonCode());
        assertEquals("CT000002", query.contactNo());
        assertEquals("CT000001", query.contactCompanyNo());
        assertEquals("STD", query.salesCycleCode());
        assertEquals(Integer.valueOf(2), query.currentStage());
        assertEquals(OpportunityPriority.HIGH, query.priority());
        assertEquals(List.of(JAN, MAR, MAR), List.of(query.creationDateFrom(), query.creationDateTo(),
                query.estimatedCloseDateFrom()));
        assertNull(query.estimatedCloseDateTo());
        assertNull("the start is untouched", OpportunityQuery.all().text());
        assertEquals(query, query.withText("chairs"));
        assertNotEquals(query, query.withText("tables"));
        assertNull(OpportunityQuery.all().withStatus(OpportunityStatus.WON).withStatus(null).status());
    }

    @Test
    public void anAggregationFiltersBoundsAndGroups() {
        OpportunityQuery won = OpportunityQuery.all().withStatus(OpportunityStatus.WON);

        Aggregation aggregation = Aggregation.of(won).closedBetween(JAN, MAR)
                .groupedBy(GroupKey.SALESPERSON, GroupKey.CLOSE_CODE);

        assertEquals(won, aggregation.filter());
        assertEquals(List.of(JAN, MAR), List.of(aggregation.dateClosedFrom(), aggregation.dateClosedTo()));
        assertEquals(List.of(GroupKey.SALESPERSON, GroupKey.CLOSE_CODE), aggregation.groupBy());
        assertEquals("no filter is every opportunity", OpportunityQuery.all(), Aggregation.of(null).filter());
        assertEquals(List.of(), Aggregation.of(null).groupBy());
    }
}
