package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.Before;
import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.PageRequest;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.Roles;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.Move;
import org.opportune.api.opportunity.MoveParticipant;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityEvents;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.opportunity.StageUpdate;

/**
 * Move participants are offered every move — a create with activation, an activation, each update
 * and a close — inside its transaction, after its entry is written, in descending ranking; one that
 * throws refuses the move, and nothing of it is written or posted.
 */
public class MoveParticipantsTest extends OpportunityTestSupport {
    private static final Caller ANN = Caller.user("ann", Set.of(Roles.SALES_MANAGER));

    /** What a participant saw. */
    private final List<Move> moves = new ArrayList<>();
    private final MoveParticipant recorder = moves::add;
    /** Stands in for the tasks module, without which moves into ACT's stages with an activity are refused. */
    private final MoveParticipant tasks = move -> {
    };

    /**
     * Cycle ACT, MULTIPLY, stages with activity codes: 1 CALL (no skip), 2 MEET (skip), 3 none (skip),
     * 4 SIGN (no skip).
     */
    @Before
    public void activityCycle() {
        cycles.add("ACT", "MULTIPLY", false,
                FakeCycles.stage(1, "Call", "10", "20", "5D", false, false, "CALL"),
                FakeCycles.stage(2, "Meeting", "30", "40", "10D", true, false, "MEET"),
                FakeCycles.stage(3, "Proposal", "60", "50", "7D", true, false, null),
                FakeCycles.stage(4, "Signing", "80", "75", "14D", false, false, "SIGN"));
        service.addMoveParticipant(recorder, participant("recorder", 0, 100L));
        service.addMoveParticipant(tasks, participant(MoveParticipant.TASKS, 0, 99L));
    }

    private static Map<String, Object> participant(String name, int ranking, long serviceId) {
        return Map.of(MoveParticipant.NAME_PROPERTY, name, "service.ranking", ranking, "service.id", serviceId);
    }

    private <T> T asAnn(Supplier<T> call) {
        return callers.callAs(ANN, call);
    }

    private Move onlyMove() {
        assertEquals(1, moves.size());
        return moves.get(0);
    }

    /** The move just made: as the call returned it, with the entry it wrote, by ANN. */
    private void assertMove(Opportunity returned, Optional<OpportunityAction> action, boolean cancelOpenTasks,
            Optional<String> activityCode) {
        Move move = moves.get(moves.size() - 1);
        assertEquals("the opportunity as the move leaves it", returned, move.opportunity());
        assertEquals("the entry the move wrote", lastEntry(returned.no()), move.entry());
        assertEquals(action, move.action());
        assertEquals(cancelOpenTasks, move.cancelOpenTasks());
        assertEquals(activityCode, move.activityCode());
        assertEquals(ANN, move.caller());
    }

    // ---- what each kind of move offers ---------------------------------------------------------

    @Test
    public void aCreateWithActivationIsOfferedWithoutAnAction() {
        Opportunity created = asAnn(() -> service.create(newOpportunity(null, "Deal", "CT1", null, "ACT", null,
                activation(null, d("1000"), d("25"), JAN_10.plusDays(30)))));
        assertEquals(1, moves.size());
        assertMove(created, Optional.empty(), false, Optional.of("CALL"));
        assertEquals(OpportunityStatus.IN_PROGRESS, onlyMove().opportunity().status());
        assertEquals(ActionTaken.NONE, onlyMove().entry().actionTaken());
    }

    @Test
    public void anActivationIsOfferedWithoutAnAction() {
        Opportunity opportunity = service.create(newOpportunity(null, "Deal", "CT1", null, "ACT", null));
        assertTrue("a create without activation is no move", moves.isEmpty());
        Opportunity activated = asAnn(() -> service.activate(opportunity.no(), null, null));
        assertMove(activated, Optional.empty(), false, Optional.of("CALL"));
    }

    @Test
    public void everyUpdateIsOfferedWithItsActionTheTargetsActivityAndWhetherToCancelTasks() {
        String no = service.create(newOpportunity(null, "Deal", "CT1", null, "ACT", null)).no();
        record Step(StageUpdate update, int stage, Optional<String> activityCode) {
        }
        List<Step> steps = List.of(
                new Step(StageUpdate.builder(OpportunityAction.FIRST).estimatedValue(d("1000")).build(), 1,
                        Optional.of("CALL")),
                new Step(StageUpdate.builder(OpportunityAction.NEXT).cancelOpenTasks(true).build(), 2,
                        Optional.of("MEET")),
                new Step(StageUpdate.of(OpportunityAction.NEXT), 3, Optional.empty()),
                new Step(StageUpdate.of(OpportunityAction.NEXT), 4, Optional.of("SIGN")),
                new Step(StageUpdate.builder(OpportunityAction.JUMP).stage(2).cancelOpenTasks(true).build(), 2,
                        Optional.of("MEET")),
                new Step(StageUpdate.of(OpportunityAction.PREVIOUS), 1, Optional.of("CALL")),
                new Step(StageUpdate.to(OpportunityAction.SKIP, 3), 3, Optional.empty()),
                new Step(StageUpdate.of(OpportunityAction.UPDATE), 3, Optional.empty()));
        for (Step step : steps) {
            Opportunity moved = asAnn(() -> service.move(no, step.update(), null));
            assertEquals(step.update().toString(), step.stage(), moves.get(moves.size() - 1).entry().stage());
            assertMove(moved, Optional.of(step.update().action()), step.update().cancelOpenTasks(),
                    step.activityCode());
        }
        assertEquals(steps.size(), moves.size());
        assertEquals(List.of(OpportunityAction.values()).stream().sorted().toList(),
                moves.stream().map(move -> move.action().orElseThrow()).distinct().sorted().toList());
    }

    @Test
    public void aCloseIsOfferedWithoutActionOrActivityAndCancelsTasksUnlessToldNot() {
        Opportunity won = startedOn("ACT");
        moves.clear();
        Opportunity closed = asAnn(() -> service.close(won.no(), closing(CloseOutcome.WON, "WIN1", null, d("900")),
                null));
        assertMove(closed, Optional.empty(), true, Optional.empty());
        assertEquals(ActionTaken.WON, onlyMove().entry().actionTaken());
        assertTrue(onlyMove().opportunity().closed());

        Opportunity lost = startedOn("ACT");
        Opportunity kept = asAnn(() -> service.close(lost.no(),
                Closing.builder(CloseOutcome.LOST, "PRICE").cancelOpenTasks(false).build(), null));
        assertMove(kept, Optional.empty(), false, Optional.empty());
    }

    @Test
    public void whatIsNoMoveIsNotOffered() {
        Opportunity opportunity = startedOn("ACT");
        moves.clear();
        service.update(opportunity.no(), change(opportunity, "Renamed", "CT1", "JO", "ACT", null), null);
        service.assignSalesQuote(opportunity.no(), new SalesQuote("SQ1", d("10")), null);
        service.removeSalesQuote(opportunity.no(), null);
        service.updateOptions(opportunity.no());
        service.close(opportunity.no(), closing(CloseOutcome.LOST, "PRICE", null, null), null);
        moves.clear();
        service.delete(opportunity.no(), null);
        assertTrue(moves.isEmpty());
    }

    // ---- refusals ------------------------------------------------------------------------------

    @Test
    public void aRefusingParticipantLeavesNoEntryNoVersionChangeAndNoEvent() {
        Opportunity opportunity = startedOn("ACT");
        int events = eventAdmin.posted.size();
        ConflictException refusal = new ConflictException("open tasks must be done first");
        service.addMoveParticipant(move -> {
            throw refusal;
        }, participant("checker", 0, 101L));

        assertSame(refusal, assertThrows(ConflictException.class,
                () -> service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null)));
        assertSame(refusal, assertThrows(ConflictException.class,
                () -> service.close(opportunity.no(), closing(CloseOutcome.LOST, "PRICE", null, null), null)));
        assertEquals(1, entries(opportunity.no()).size());
        assertEquals(opportunity, service.get(opportunity.no()));
        assertEquals(events, eventAdmin.posted.size());

        Opportunity notStarted = service.create(newOpportunity(null, "Deal", "CT1", null, "ACT", null));
        events = eventAdmin.posted.size();
        assertSame(refusal, assertThrows(ConflictException.class,
                () -> service.activate(notStarted.no(), null, null)));
        assertTrue(entries(notStarted.no()).isEmpty());
        assertEquals(notStarted, service.get(notStarted.no()));
        assertEquals(events, eventAdmin.posted.size());

        long opportunities = service.list(null, PageRequest.first()).total();
        assertSame(refusal, assertThrows(ConflictException.class, () -> startedOn("ACT")));
        assertEquals("a refused create with activation creates nothing", opportunities,
                service.list(null, PageRequest.first()).total());
        assertEquals(events, eventAdmin.posted.size());
    }

    @Test
    public void aFailingParticipantRollsTheMoveBackAndItsExceptionPropagates() {
        Opportunity opportunity = startedOn("ACT");
        int events = eventAdmin.posted.size();
        IllegalStateException failure = new IllegalStateException("boom");
        service.addMoveParticipant(move -> {
            throw failure;
        }, participant("broken", 0, 101L));
        assertSame(failure, assertThrows(IllegalStateException.class,
                () -> service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null)));
        assertEquals(1, entries(opportunity.no()).size());
        assertEquals(opportunity, service.get(opportunity.no()));
        assertEquals(events, eventAdmin.posted.size());
    }

    @Test
    public void aMoveRetriedAfterALostLockRaceIsOfferedAgain() {
        Opportunity opportunity = startedOn("ACT");
        moves.clear();
        int events = eventAdmin.posted.size();
        AtomicInteger attempts = new AtomicInteger();
        service.addMoveParticipant(move -> {
            if (attempts.incrementAndGet() == 1) {
                // what the database says when it gives up on a lock: the transaction is run again
                throw new IllegalStateException("lost a race", new SQLException("deadlock", "40001"));
            }
        }, participant("racer", -1, 101L));

        Opportunity moved = service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        assertEquals(2, attempts.get());
        assertEquals("the recorder, called first, saw both attempts", 2, moves.size());
        assertEquals(2, moves.get(1).entry().stage());
        assertEquals(moved, moves.get(1).opportunity());
        assertEquals("only the second attempt was written", 2, entries(opportunity.no()).size());
        assertEquals(List.of(OpportunityEvents.STAGE_CHANGED),
                eventAdmin.topics().subList(events, eventAdmin.posted.size()));
    }

    // ---- the whiteboard ------------------------------------------------------------------------

    @Test
    public void participantsAreCalledInDescendingRankingThenByName() {
        service.removeMoveParticipant(recorder, null);
        List<String> called = new ArrayList<>();
        MoveParticipant low = move -> called.add("low");
        MoveParticipant mid = move -> called.add("mid");
        MoveParticipant alsoMid = move -> called.add("also-mid");
        MoveParticipant high = move -> called.add("high");
        service.addMoveParticipant(low, participant("low", -5, 1L));
        service.addMoveParticipant(mid, participant("mid", 10, 2L));
        service.addMoveParticipant(high, participant("high", 100, 3L));
        service.addMoveParticipant(alsoMid, participant("also-mid", 10, 4L));
        Opportunity opportunity = startedOn("ACT");
        assertEquals(List.of("high", "also-mid", "mid", "low"), called);

        called.clear();
        service.updatedMoveParticipant(low, participant("low", 1000, 1L));
        service.removeMoveParticipant(mid, null);
        service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        assertEquals(List.of("low", "high", "also-mid"), called);
    }

    @Test
    public void aRefusalStopsTheParticipantsAfterIt() {
        List<String> called = new ArrayList<>();
        service.addMoveParticipant(move -> {
            called.add("first");
            throw new ConflictException("no");
        }, participant("first", 50, 101L));
        service.addMoveParticipant(move -> called.add("last"), participant("last", -50, 102L));
        assertThrows(ConflictException.class, () -> startedOn("ACT"));
        assertEquals(List.of("first"), called);
        assertTrue("the recorder (ranking 0) came after the refusal", moves.isEmpty());
    }

    @Test
    public void aParticipantWithoutANameIsNeverCalled() {
        List<String> called = new ArrayList<>();
        MoveParticipant unnamed = move -> called.add("unnamed");
        service.addMoveParticipant(unnamed, Map.of("service.ranking", 100));
        startedOn("ACT");
        assertTrue(called.isEmpty());
        assertEquals(1, moves.size());

        service.updatedMoveParticipant(unnamed, participant("named", 100, 101L));
        startedOn("ACT");
        assertEquals("named by an update, it takes part", List.of("unnamed"), called);
        assertFalse(moves.isEmpty());
    }
}
