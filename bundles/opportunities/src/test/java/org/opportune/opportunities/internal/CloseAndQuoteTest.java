package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.NotFoundException;
import org.opportune.api.ValidationException;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.opportunity.UpdateOption;

/** DOMAIN §4 closing entries, §5 "Close" and "Quote link". */
public class CloseAndQuoteTest extends OpportunityTestSupport {

    private Opportunity close(Opportunity opportunity, CloseOutcome outcome, String code, LocalDate date, String value) {
        return service.close(opportunity.no(), closing(outcome, code, date, value == null ? null : d(value)), null);
    }

    // ---- close -------------------------------------------------------------------------------

    @Test
    public void wonTakesTheGivenValueAndEverythingAt100() {
        Opportunity opportunity = startedAt(2);
        Opportunity won = close(opportunity, CloseOutcome.WON, "win1", null, "7000");
        assertEquals(OpportunityStatus.WON, won.status());
        assertTrue(won.closed());
        assertEquals(JAN_10, won.dateClosed());
        assertEquals("WIN1", won.closeCode());
        assertEquals(Integer.valueOf(0), won.currentStage());
        assertNumber("7000", won.calculatedCurrentValue());
        assertNumber("10000", won.estimatedValue());
        OpportunityEntry entry = lastEntry(opportunity.no());
        assertEquals(ActionTaken.WON, entry.actionTaken());
        assertEquals(Integer.valueOf(2), entry.previousStage());
        assertNumber("100", entry.probabilityPercent());
        assertNumber("100", entry.chancesOfSuccessPercent());
        assertNumber("100", entry.completedPercent());
        assertEquals(JAN_10, entry.estimatedCloseDate());
        assertEquals(1, entries(opportunity.no()).stream().filter(OpportunityEntry::active).count());
    }

    @Test
    public void lostIsCompletedWithNoChancesAndNoValue() {
        Opportunity opportunity = startedAt(3);
        clock.set(JAN_10.plusDays(4));
        Opportunity lost = close(opportunity, CloseOutcome.LOST, "PRICE", null, null);
        assertEquals(OpportunityStatus.LOST, lost.status());
        OpportunityEntry entry = lastEntry(opportunity.no());
        assertEquals(ActionTaken.LOST, entry.actionTaken());
        assertEquals(0, entry.stage());
        assertEquals(Integer.valueOf(3), entry.previousStage());
        assertNumber("100", entry.completedPercent());
        assertNumber("0", entry.chancesOfSuccessPercent());
        assertNumber("0", entry.probabilityPercent());
        assertNumber("0", entry.calculatedCurrentValue());
        assertNumber("10000", entry.estimatedValue());
        assertEquals(JAN_10.plusDays(4), entry.dateClosed());
        List<OpportunityEntry> entries = entries(opportunity.no());
        assertEquals(4, entries.get(entries.size() - 2).daysOpen());
    }

    @Test
    public void aLinkedQuotesAmountIsTheValueOfAWonClose() {
        Opportunity opportunity = started();
        service.assignSalesQuote(opportunity.no(), new SalesQuote("SQ1001", d("9000")), null);
        assertNumber("9000", close(opportunity, CloseOutcome.WON, "WIN1", null, null).calculatedCurrentValue());

        Opportunity other = started();
        service.assignSalesQuote(other.no(), new SalesQuote("SQ1002", d("8000")), null);
        assertNumber("8000", close(other, CloseOutcome.WON, "WIN1", null, "12345").calculatedCurrentValue());
    }

    @Test
    public void wonNeedsAPositiveValueWithoutAQuote() {
        Opportunity opportunity = started();
        ValidationException missing = assertThrows(ValidationException.class,
                () -> close(opportunity, CloseOutcome.WON, "WIN1", null, null));
        assertEquals("value", missing.errors().get(0).field());
        assertThrows(ValidationException.class, () -> close(opportunity, CloseOutcome.WON, "WIN1", null, "0"));
        assertThrows(ValidationException.class, () -> close(opportunity, CloseOutcome.WON, "WIN1", null, "-1"));
        assertThrows(ValidationException.class, () -> close(opportunity, CloseOutcome.LOST, "PRICE", null, "50"));
        assertFalse(service.get(opportunity.no()).closed());
    }

    @Test
    public void closingNeedsAnOutcomeAndACodeOfItsType() {
        Opportunity opportunity = started();
        ValidationException missing = assertThrows(ValidationException.class,
                () -> close(opportunity, null, null, null, null));
        assertEquals(List.of("outcome", "closeCode"), missing.errors().stream().map(e -> e.field()).toList());
        ValidationException wrongType = assertThrows(ValidationException.class,
                () -> close(opportunity, CloseOutcome.WON, "PRICE", null, "10"));
        assertEquals("closeCode", wrongType.errors().get(0).field());
        assertThrows(ValidationException.class, () -> close(opportunity, CloseOutcome.LOST, "WIN1", null, null));
        assertThrows(ValidationException.class, () -> close(opportunity, CloseOutcome.LOST, "NOPE", null, null));
        assertEquals(1, entries(opportunity.no()).size());
    }

    @Test
    public void theClosingDateDefaultsToTheLaterOfTodayAndTheLastChangeAndIsNeverBeforeIt() {
        Opportunity opportunity = started();
        service.move(opportunity.no(), stageUpdate(OpportunityAction.NEXT, null, LocalDate.of(2024, 2, 1), null,
                null, null), null);
        ConflictException before = assertThrows(ConflictException.class,
                () -> close(opportunity, CloseOutcome.LOST, "PRICE", LocalDate.of(2024, 1, 31), null));
        assertEquals("dateClosed", before.errors().get(0).field());
        Opportunity lost = close(opportunity, CloseOutcome.LOST, "PRICE", null, null);
        assertEquals(LocalDate.of(2024, 2, 1), lost.dateClosed());
        assertEquals(0, entries(opportunity.no()).get(1).daysOpen());
    }

    @Test
    public void aNotStartedOpportunityMayBeClosed() {
        Opportunity opportunity = createOpportunity();
        Opportunity lost = close(opportunity, CloseOutcome.LOST, "PRICE", LocalDate.of(2023, 12, 1), null);
        assertEquals(OpportunityStatus.LOST, lost.status());
        OpportunityEntry entry = lastEntry(opportunity.no());
        assertNull(entry.previousStage());
        assertNumber("0", entry.estimatedValue());
        assertEquals(LocalDate.of(2023, 12, 1), entry.dateClosed());

        Opportunity other = createOpportunity();
        Opportunity won = close(other, CloseOutcome.WON, "WIN1", null, "300");
        assertNumber("300", won.calculatedCurrentValue());
    }

    @Test
    public void closedIsFinal() {
        Opportunity opportunity = started();
        close(opportunity, CloseOutcome.WON, "WIN1", null, "100");
        ConflictException again = assertThrows(ConflictException.class,
                () -> close(opportunity, CloseOutcome.LOST, "PRICE", null, null));
        assertTrue(again.getMessage(), again.getMessage().contains("closed"));
        assertThrows(ConflictException.class,
                () -> service.move(opportunity.no(), StageUpdate.of(OpportunityAction.UPDATE), null));
        assertThrows(ConflictException.class, () -> service.activate(opportunity.no(), null, null));
        assertThrows(ConflictException.class,
                () -> service.assignSalesQuote(opportunity.no(), new SalesQuote("SQ9", d("1")), null));
        for (UpdateOption option : service.updateOptions(opportunity.no()).options()) {
            assertFalse(option.possible());
            assertTrue(option.reason(), option.reason().contains("closed"));
        }
        assertEquals(2, entries(opportunity.no()).size());
    }

    @Test
    public void closingNeedsTheCloseCodesOfTheCyclesModule() {
        Opportunity opportunity = started();
        modules.closeCodes = null;
        assertThrows(org.opportune.api.UnavailableException.class,
                () -> close(opportunity, CloseOutcome.LOST, "PRICE", null, null));
        assertFalse(service.get(opportunity.no()).closed());
    }

    // ---- quote link ------------------------------------------------------------------------------

    @Test
    public void onlyAnOpportunityInProgressGetsAQuote() {
        Opportunity notStarted = createOpportunity();
        ConflictException e = assertThrows(ConflictException.class,
                () -> service.assignSalesQuote(notStarted.no(), new SalesQuote("SQ1", d("10")), null));
        assertTrue(e.getMessage(), e.getMessage().contains("NOT_STARTED"));
        Opportunity started = started();
        Opportunity linked = service.assignSalesQuote(started.no(), new SalesQuote("sq1", d("9000.50")), null);
        assertEquals(new SalesQuote("SQ1", d("9000.5")), linked.salesQuote());
        assertTrue(linked.version() > started.version());
    }

    @Test
    public void oneQuoteIsLinkedToOneOpportunityOnly() {
        Opportunity first = started();
        Opportunity second = started();
        service.assignSalesQuote(first.no(), new SalesQuote("SQ1", d("10")), null);
        ConflictException e = assertThrows(ConflictException.class,
                () -> service.assignSalesQuote(second.no(), new SalesQuote("SQ1", d("10")), null));
        assertTrue(e.getMessage(), e.getMessage().contains(first.no()));
        // even once the first is closed
        service.close(first.no(), closing(CloseOutcome.LOST, "PRICE", null, null), null);
        assertThrows(ConflictException.class,
                () -> service.assignSalesQuote(second.no(), new SalesQuote("SQ1", d("10")), null));
        // assigning the same quote again to its own opportunity is a replace
        Opportunity third = started();
        service.assignSalesQuote(third.no(), new SalesQuote("SQ3", d("10")), null);
        assertEquals(new SalesQuote("SQ3", d("20")),
                service.assignSalesQuote(third.no(), new SalesQuote("SQ3", d("20")), null).salesQuote());
    }

    @Test
    public void anotherQuoteReplacesTheLinkedOneAndCanBeRemoved() {
        Opportunity opportunity = started();
        service.assignSalesQuote(opportunity.no(), new SalesQuote("SQ1", d("10")), null);
        Opportunity replaced = service.assignSalesQuote(opportunity.no(), new SalesQuote("SQ2", d("20")), null);
        assertEquals("SQ2", replaced.salesQuote().no());
        // SQ1 is free again
        Opportunity other = started();
        service.assignSalesQuote(other.no(), new SalesQuote("SQ1", d("10")), null);

        Opportunity removed = service.removeSalesQuote(opportunity.no(), replaced.version());
        assertNull(removed.salesQuote());
        assertThrows(NotFoundException.class, () -> service.removeSalesQuote(opportunity.no(), null));
    }

    @Test
    public void aQuoteNeedsANoAndAPositiveAmount() {
        Opportunity opportunity = started();
        assertThrows(ValidationException.class, () -> service.assignSalesQuote(opportunity.no(), null, null));
        ValidationException amount = assertThrows(ValidationException.class,
                () -> service.assignSalesQuote(opportunity.no(), new SalesQuote("SQ1", d("0")), null));
        assertEquals("amount", amount.errors().get(0).field());
        ValidationException no = assertThrows(ValidationException.class,
                () -> service.assignSalesQuote(opportunity.no(), new SalesQuote(" ", d("5")), null));
        assertEquals("no", no.errors().get(0).field());
    }

    @Test
    public void theQuotesAmountIsTheDefaultEstimatedValueOfTheNextUpdate() {
        Opportunity opportunity = started();
        service.assignSalesQuote(opportunity.no(), new SalesQuote("SQ1", d("9000")), null);
        UpdateOption next = service.updateOptions(opportunity.no()).option(OpportunityAction.NEXT).orElseThrow();
        assertNumber("9000", next.defaults().estimatedValue());
        service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        OpportunityEntry entry = lastEntry(opportunity.no());
        assertNumber("9000", entry.estimatedValue());
        assertNumber("1080", entry.calculatedCurrentValue());
        // a given value still wins over the quote
        service.move(opportunity.no(), stageUpdate(OpportunityAction.UPDATE, null, null, d("9500"), null, null),
                null);
        assertNumber("9500", lastEntry(opportunity.no()).estimatedValue());
    }

    @Test
    public void aClosedOpportunityKeepsItsQuote() {
        Opportunity opportunity = started();
        service.assignSalesQuote(opportunity.no(), new SalesQuote("SQ1", d("9000")), null);
        close(opportunity, CloseOutcome.WON, "WIN1", null, null);
        assertThrows(ConflictException.class, () -> service.removeSalesQuote(opportunity.no(), null));
        assertEquals("SQ1", service.get(opportunity.no()).salesQuote().no());
    }
}
