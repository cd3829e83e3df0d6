package org.opportune.api.statistics;

import static org.junit.Assert.assertEquals;
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

        assertEquals(new OpportunityQuery("chairs", OpportunityStatus.IN_PROGRESS, false, "JO", "CT000002",
                "CT000001", "STD", 2, OpportunityPriority.HIGH, JAN, MAR, MAR, null), query);
        assertEquals("the start is untouched", OpportunityQuery.ALL, OpportunityQuery.all());
        assertNull(OpportunityQuery.all().withStatus(OpportunityStatus.WON).withStatus(null).status());
    }

    @Test
    public void anAggregationFiltersBoundsAndGroups() {
        OpportunityQuery won = OpportunityQuery.all().withStatus(OpportunityStatus.WON);

        Aggregation aggregation = Aggregation.of(won).closedBetween(JAN, MAR)
                .groupedBy(GroupKey.SALESPERSON, GroupKey.CLOSE_CODE);

        assertEquals(new Aggregation(won, JAN, MAR, List.of(GroupKey.SALESPERSON, GroupKey.CLOSE_CODE)), aggregation);
        assertEquals(new Aggregation(null, null, null, List.of()), Aggregation.of(null));
    }
}
