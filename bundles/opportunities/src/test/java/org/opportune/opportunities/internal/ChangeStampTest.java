package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.Test;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.Roles;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityEvents;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.opportunity.StageUpdate;

/**
 * Every row a call writes records the bound caller as {@code changedBy} and the time of the change,
 * from the module's clock in UTC, as {@code changedAt}; every event names the caller.
 */
public class ChangeStampTest extends OpportunityTestSupport {

    private <T> T as(String userName, Supplier<T> call) {
        return callers.callAs(Caller.user(userName, Set.of(Roles.SALES_MANAGER)), call);
    }

    /** The test clock's time on {@code day}: noon, UTC. */
    private static Instant noonOf(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private static void assertStamp(String changedBy, Instant changedAt, Opportunity opportunity) {
        assertEquals(changedBy, opportunity.changedBy());
        assertEquals(changedAt, opportunity.changedAt());
    }

    private static void assertStamp(String changedBy, Instant changedAt, OpportunityEntry entry) {
        assertStamp("entry " + entry.entryNo(), changedBy, changedAt, entry);
    }

    private static void assertStamp(String message, String changedBy, Instant changedAt, OpportunityEntry entry) {
        assertEquals(message, changedBy, entry.changedBy());
        assertEquals(message, changedAt, entry.changedAt());
    }

    @Test
    public void withoutABoundCallerTheServerItselfIsRecorded() {
        Opportunity opportunity = started();
        assertStamp("system", noonOf(JAN_10), opportunity);
        assertStamp("system", noonOf(JAN_10), lastEntry(opportunity.no()));
        assertEquals("system", eventAdmin.posted.get(0).getProperty(OpportunityEvents.USER_NAME));
    }

    @Test
    public void theCreatorIsRecordedOnTheOpportunityAndItsFirstEntry() {
        Opportunity created = as("ann", () -> service.create(newOpportunity(null, "Deal", "CT1", null, "STD", null,
                activation(null, d("1000"), d("25"), JAN_10.plusDays(30)))));
        assertStamp("ann", noonOf(JAN_10), created);
        assertEquals("as read back", created, service.get(created.no()));
        assertStamp("ann", noonOf(JAN_10), lastEntry(created.no()));
    }

    @Test
    public void aMoveStampsItsEntryAndTheOpportunityWhileThePreviousEntryKeepsItsOwn() {
        Opportunity opportunity = as("ann", this::started);
        clock.set(JAN_10.plusDays(3));
        Opportunity moved = as("bob", () -> service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT),
                null));
        assertStamp("bob", noonOf(JAN_10.plusDays(3)), moved);
        List<OpportunityEntry> entries = entries(opportunity.no());
        assertFalse(entries.get(0).active());
        assertEquals("the previous entry got its days open", 3, entries.get(0).daysOpen());
        assertStamp("ann", noonOf(JAN_10), entries.get(0));
        assertStamp("bob", noonOf(JAN_10.plusDays(3)), entries.get(1));

        clock.set(JAN_10.plusDays(5));
        Opportunity closed = as("carl", () -> service.close(opportunity.no(),
                closing(CloseOutcome.LOST, "PRICE", null, null), null));
        assertStamp("carl", noonOf(JAN_10.plusDays(5)), closed);
        entries = entries(opportunity.no());
        assertStamp("bob", noonOf(JAN_10.plusDays(3)), entries.get(1));
        assertStamp("carl", noonOf(JAN_10.plusDays(5)), entries.get(2));
    }

    @Test
    public void anActivationIsStampedLikeAMove() {
        Opportunity opportunity = as("ann", this::createOpportunity);
        clock.set(JAN_10.plusDays(1));
        Opportunity activated = as("bob", () -> service.activate(opportunity.no(), null, null));
        assertStamp("bob", noonOf(JAN_10.plusDays(1)), activated);
        assertStamp("bob", noonOf(JAN_10.plusDays(1)), lastEntry(opportunity.no()));
    }

    @Test
    public void changesAndQuoteLinksStampTheOpportunityOnlyWhenTheyChangeSomething() {
        Opportunity opportunity = as("ann", this::started);
        clock.set(JAN_10.plusDays(1));
        Opportunity changed = as("bob", () -> service.update(opportunity.no(),
                change(opportunity, "Renamed", "CT1", "JO", "STD", OpportunityPriority.HIGH), null));
        assertStamp("bob", noonOf(JAN_10.plusDays(1)), changed);
        assertStamp("the entry is not touched by a change", "ann", noonOf(JAN_10), lastEntry(opportunity.no()));

        clock.set(JAN_10.plusDays(2));
        Opportunity same = as("carl", () -> service.update(opportunity.no(), unchanged(changed), null));
        assertUnwritten("a change that changes nothing writes nothing", changed, same);

        Opportunity linked = as("dora", () -> service.assignSalesQuote(opportunity.no(),
                new SalesQuote("SQ1", d("900")), null));
        assertStamp("dora", noonOf(JAN_10.plusDays(2)), linked);
        clock.set(JAN_10.plusDays(3));
        Opportunity again = as("eve", () -> service.assignSalesQuote(opportunity.no(),
                new SalesQuote("sq1", d("900.00")), null));
        assertUnwritten("linking the same quote again writes nothing", linked, again);
        Opportunity unlinked = as("eve", () -> service.removeSalesQuote(opportunity.no(), null));
        assertStamp("eve", noonOf(JAN_10.plusDays(3)), unlinked);
    }

    /** The row as it was, read on a later day: only {@code daysIdle} counts on. */
    private static void assertUnwritten(String message, Opportunity before, Opportunity after) {
        assertEquals(message, before.version(), after.version());
        assertEquals(message, before.changedBy(), after.changedBy());
        assertEquals(message, before.changedAt(), after.changedAt());
        assertEquals(message, before.description(), after.description());
        assertEquals(message, before.salesQuote(), after.salesQuote());
    }

    @Test
    public void everyEventNamesTheCaller() {
        Opportunity opportunity = as("ann", this::started);
        as("bob", () -> service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null));
        as("carl", () -> service.update(opportunity.no(), change(opportunity, "Renamed", "CT1", "JO", "STD", null),
                null));
        as("dora", () -> service.close(opportunity.no(), closing(CloseOutcome.WON, "WIN1", null, d("5")), null));
        callers.runAs(Caller.user("eve", Set.of(Roles.SALES_MANAGER)), () -> service.delete(opportunity.no(), null));
        assertEquals(List.of(OpportunityEvents.CREATED, OpportunityEvents.STAGE_CHANGED,
                OpportunityEvents.STAGE_CHANGED, OpportunityEvents.UPDATED, OpportunityEvents.CLOSED,
                OpportunityEvents.DELETED), eventAdmin.topics());
        assertEquals(List.of("ann", "ann", "bob", "carl", "dora", "eve"),
                eventAdmin.posted.stream().map(event -> event.getProperty(OpportunityEvents.USER_NAME)).toList());
    }

    @Test
    public void theTimeComesFromTheSystemClockInUtcWithoutAClockService() {
        modules.clock = null;
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Opportunity opportunity = service.activate(createOpportunity().no(), null, null);
        Instant after = Instant.now();
        assertFalse(opportunity.changedAt().isBefore(before));
        assertFalse(opportunity.changedAt().isAfter(after));
        assertEquals("kept to the microsecond, so a read gives what the call returned", opportunity,
                service.get(opportunity.no()));
        assertEquals(opportunity.changedAt(), lastEntry(opportunity.no()).changedAt());
    }

    @Test
    public void rowsWrittenBeforeChangesWereStampedReadWithoutAStamp() throws SQLException {
        Opportunity opportunity = started();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE OPPORTUNITY SET CHANGED_BY = NULL, CHANGED_AT = NULL");
            statement.executeUpdate("UPDATE OPPORTUNITY_ENTRY SET CHANGED_BY = NULL, CHANGED_AT = NULL");
        }
        Opportunity old = service.get(opportunity.no());
        assertNull(old.changedBy());
        assertNull(old.changedAt());
        assertNull(lastEntry(opportunity.no()).changedBy());
        assertNull(lastEntry(opportunity.no()).changedAt());

        as("ann", () -> service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null));
        List<OpportunityEntry> entries = entries(opportunity.no());
        assertNull("an old entry stays without a stamp", entries.get(0).changedBy());
        assertStamp("ann", noonOf(JAN_10), entries.get(1));
        assertStamp("ann", noonOf(JAN_10), service.get(opportunity.no()));
    }
}
