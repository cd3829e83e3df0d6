package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.Test;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.Activation;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.opportunity.UpdateOptions;

/** DOMAIN §9, step by step: every entry's fields, days open, and the stage averages 10 / 16 / 10. */
public class WorkedExampleTest extends OpportunityTestSupport {

    @Test
    public void theWorkedExample() {
        // 1. 2024-01-10 create and activate: EV 10000, chances 25, ECD 2024-03-31
        clock.set(LocalDate.of(2024, 1, 10));
        Opportunity opportunity = service.create(newOpportunity(null, "Cronus order", "CT1", null, "STD", null,
                activation(null, d("10000"), d("25"), LocalDate.of(2024, 3, 31))));
        String no = opportunity.no();
        assertEquals("OP000001", no);
        assertEquals(OpportunityStatus.IN_PROGRESS, opportunity.status());
        List<OpportunityEntry> entries = entries(no);
        assertEquals(1, entries.size());
        OpportunityEntry first = entries.get(0);
        assertEquals(1, first.stage());
        assertEquals("Initial", first.stageDescription());
        assertNull(first.previousStage());
        assertEquals(ActionTaken.NONE, first.actionTaken());
        assertEquals(LocalDate.of(2024, 1, 10), first.dateOfChange());
        assertTrue(first.active());
        assertEquals(0, first.daysOpen());
        assertNumber("10000", first.estimatedValue());
        assertNumber("25", first.chancesOfSuccessPercent());
        assertNumber("10", first.completedPercent());
        assertNumber("2.5", first.probabilityPercent());
        assertNumber("250", first.calculatedCurrentValue());
        assertEquals(LocalDate.of(2024, 3, 31), first.estimatedCloseDate());
        assertEquals("CT1", first.contactNo());
        assertEquals("CT1", first.contactCompanyNo());
        assertEquals("JO", first.salespersonCode());
        assertEquals("STD", first.salesCycleCode());

        // 2. 2024-01-20 NEXT with the defaults
        clock.set(LocalDate.of(2024, 1, 20));
        opportunity = service.move(no, StageUpdate.of(OpportunityAction.NEXT), opportunity.version());
        entries = entries(no);
        assertEquals(2, entries.size());
        OpportunityEntry second = entries.get(1);
        assertEquals(2, second.stage());
        assertEquals(Integer.valueOf(1), second.previousStage());
        assertEquals(ActionTaken.NEXT, second.actionTaken());
        assertEquals(LocalDate.of(2024, 1, 20), second.dateOfChange());
        assertNumber("10000", second.estimatedValue());
        assertNumber("40", second.chancesOfSuccessPercent());
        assertNumber("30", second.completedPercent());
        assertNumber("12", second.probabilityPercent());
        assertNumber("1200", second.calculatedCurrentValue());
        assertEquals(LocalDate.of(2024, 1, 30), second.estimatedCloseDate());
        assertTrue(second.active());
        assertFalse(entries.get(0).active());
        assertEquals(10, entries.get(0).daysOpen());

        // 3. 2024-02-05 NEXT with EV 12000 and chances 55
        clock.set(LocalDate.of(2024, 2, 5));
        opportunity = service.move(no, stageUpdate(OpportunityAction.NEXT, null, null, d("12000"), d("55"), null),
                opportunity.version());
        entries = entries(no);
        OpportunityEntry third = entries.get(2);
        assertEquals(3, third.stage());
        assertEquals(ActionTaken.NEXT, third.actionTaken());
        assertNumber("12000", third.estimatedValue());
        assertNumber("55", third.chancesOfSuccessPercent());
        assertNumber("60", third.completedPercent());
        assertNumber("33", third.probabilityPercent());
        assertNumber("3960", third.calculatedCurrentValue());
        assertEquals(LocalDate.of(2024, 2, 12), third.estimatedCloseDate());
        assertEquals(16, entries.get(1).daysOpen());
        assertEquals(3, opportunity.currentStage().intValue());
        assertNumber("3960", opportunity.calculatedCurrentValue());

        // from stage 3 SKIP is not possible (stage 4 does not allow skip)
        UpdateOptions options = service.updateOptions(no);
        assertFalse(options.option(OpportunityAction.SKIP).orElseThrow().possible());

        // 4. 2024-02-15 close WON with WIN1 and value 11500
        clock.set(LocalDate.of(2024, 2, 15));
        opportunity = service.close(no, closing(CloseOutcome.WON, "WIN1", null, d("11500")),
                opportunity.version());
        entries = entries(no);
        assertEquals(4, entries.size());
        OpportunityEntry closing = entries.get(3);
        assertEquals(0, closing.stage());
        assertNull(closing.stageDescription());
        assertEquals(Integer.valueOf(3), closing.previousStage());
        assertEquals(ActionTaken.WON, closing.actionTaken());
        assertNumber("12000", closing.estimatedValue());
        assertNumber("100", closing.completedPercent());
        assertNumber("100", closing.chancesOfSuccessPercent());
        assertNumber("100", closing.probabilityPercent());
        assertNumber("11500", closing.calculatedCurrentValue());
        assertEquals(LocalDate.of(2024, 2, 15), closing.estimatedCloseDate());
        assertEquals(LocalDate.of(2024, 2, 15), closing.dateClosed());
        assertEquals("WIN1", closing.closeCode());
        assertTrue(closing.active());
        assertEquals(10, entries.get(2).daysOpen());
        assertEquals(OpportunityStatus.WON, opportunity.status());
        assertTrue(opportunity.closed());
        assertEquals(LocalDate.of(2024, 2, 15), opportunity.dateClosed());
        assertEquals(0, opportunity.currentStage().intValue());

        // only one entry is active, and the entry numbers ascend
        assertEquals(1, entries.stream().filter(OpportunityEntry::active).count());
        for (int i = 1; i < entries.size(); i++) {
            assertTrue(entries.get(i).entryNo() > entries.get(i - 1).entryNo());
        }

        // cycle statistics: no open opportunity is left; average days per stage 10 / 16 / 10, total 36
        assertEquals(0, store.openOpportunitiesOfCycle("STD"));
        Map<Integer, BigDecimal> averageDays = averageDaysOfInactiveEntries(entries);
        assertNumber("10", averageDays.get(1));
        assertNumber("16", averageDays.get(2));
        assertNumber("10", averageDays.get(3));
        assertNumber("36", averageDays.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    public void skipFromTheFirstStageOffersStagesTwoToFour() {
        Opportunity opportunity = started();
        assertEquals(List.of(2, 3, 4),
                service.updateOptions(opportunity.no()).option(OpportunityAction.SKIP).orElseThrow().candidateStages());
    }

    /** DOMAIN §8 "average days": the average days open of the inactive entries at each stage. */
    private static Map<Integer, BigDecimal> averageDaysOfInactiveEntries(List<OpportunityEntry> entries) {
        return entries.stream().filter(entry -> !entry.active())
                .collect(Collectors.groupingBy(OpportunityEntry::stage, TreeMap::new,
                        Collectors.collectingAndThen(Collectors.toList(), atStage -> BigDecimal.valueOf(
                                atStage.stream().mapToInt(OpportunityEntry::daysOpen).sum())
                                .divide(BigDecimal.valueOf(atStage.size()), MathContext.DECIMAL64))));
    }
}
