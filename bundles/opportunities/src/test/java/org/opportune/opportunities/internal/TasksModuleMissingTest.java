package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.opportune.api.PageRequest;
import org.opportune.api.UnavailableException;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Move;
import org.opportune.api.opportunity.MoveParticipant;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.StageUpdate;

/**
 * DOMAIN §10: while no participant named {@code tasks} takes part, a move into a stage that names an activity is
 * refused with 503 naming the tasks module and writes nothing; moves into other stages, updates that stay, and
 * closes work.
 */
public class TasksModuleMissingTest extends OpportunityTestSupport {
    /** What the stand-in tasks module was offered. */
    private final List<Move> offered = new ArrayList<>();
    private final MoveParticipant tasks = offered::add;

    /** Cycle MIX: 1 no activity, 2 INIT (skip allowed), 3 no activity. */
    @Before
    public void mixedCycle() {
        cycles.add("MIX", "MULTIPLY", false,
                FakeCycles.stage(1, "Lead", "10", "20", null, false, false),
                FakeCycles.stage(2, "Intro", "30", "40", null, true, false, "INIT"),
                FakeCycles.stage(3, "Offer", "60", "50", null, false, false, " "));
    }

    private void tasksModuleStarts() {
        service.addMoveParticipant(tasks, Map.of(MoveParticipant.NAME_PROPERTY, MoveParticipant.TASKS,
                "service.id", 50L));
    }

    private void tasksModuleStops() {
        service.removeMoveParticipant(tasks, null);
    }

    private static void assertNamesTheTasksModule(UnavailableException e) {
        assertTrue(e.getMessage(), e.getMessage().startsWith(
                "the tasks module is not available: stage 2 of MIX names activity INIT"));
    }

    @Test
    public void aMoveIntoAStageWithAnActivityIsRefusedAndWritesNothing() {
        Opportunity opportunity = startedOn("MIX");
        int events = eventAdmin.posted.size();
        assertNamesTheTasksModule(assertThrows(UnavailableException.class,
                () -> service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null)));
        assertEquals(opportunity, service.get(opportunity.no()));
        assertEquals(1, entries(opportunity.no()).size());
        assertEquals(events, eventAdmin.posted.size());

        Opportunity atThree = service.move(opportunity.no(), StageUpdate.to(OpportunityAction.SKIP, 3), null);
        events = eventAdmin.posted.size();
        assertNamesTheTasksModule(assertThrows(UnavailableException.class, () -> service.move(opportunity.no(),
                StageUpdate.builder(OpportunityAction.PREVIOUS).cancelOpenTasks(true).build(), null)));
        assertEquals(atThree, service.get(opportunity.no()));
        assertEquals(2, entries(opportunity.no()).size());
        assertEquals(events, eventAdmin.posted.size());
    }

    @Test
    public void anActivationOrACreateIntoSuchAStageIsRefusedAndWritesNothing() {
        cycles.add("INTRO", "MULTIPLY", false, FakeCycles.stage(2, "Intro", "30", "40", null, false, false, "INIT"));
        Opportunity notStarted = service.create(newOpportunity(null, "Deal", "CT1", null, "INTRO", null));
        long total = service.list(null, PageRequest.first()).total();
        int events = eventAdmin.posted.size();

        UnavailableException refused = assertThrows(UnavailableException.class,
                () -> service.activate(notStarted.no(), null, null));
        assertTrue(refused.getMessage(), refused.getMessage().startsWith(
                "the tasks module is not available: stage 2 of INTRO names activity INIT"));
        assertThrows(UnavailableException.class, () -> startedOn("INTRO"));

        assertEquals(notStarted, service.get(notStarted.no()));
        assertTrue(entries(notStarted.no()).isEmpty());
        assertEquals(total, service.list(null, PageRequest.first()).total());
        assertEquals(events, eventAdmin.posted.size());
    }

    @Test
    public void movesIntoStagesWithoutAnActivityUpdatesAndClosesWork() {
        Opportunity opportunity = startedOn("MIX");
        Opportunity skipped = service.move(opportunity.no(), StageUpdate.to(OpportunityAction.SKIP, 3), null);
        assertEquals("a blank activity code names none", Integer.valueOf(3), skipped.currentStage());

        Opportunity other = startedOn("MIX");
        tasksModuleStarts();
        service.move(other.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        tasksModuleStops();
        Opportunity updated = service.move(other.no(), StageUpdate.builder(OpportunityAction.UPDATE)
                .estimatedValue(d("500")).build(), null);
        assertEquals("an UPDATE stays at the stage and makes no tasks", Integer.valueOf(2), updated.currentStage());
        Opportunity closed = service.close(other.no(), closing(CloseOutcome.LOST, "PRICE", null, null), null);
        assertTrue(closed.closed());
        assertEquals("only the move made while it ran reached the tasks module", 1, offered.size());
    }

    @Test
    public void withTheTasksModuleTheMoveGoesThroughItAndByAnotherName() {
        Opportunity opportunity = startedOn("MIX");
        service.addMoveParticipant(move -> {
        }, Map.of(MoveParticipant.NAME_PROPERTY, "audit", "service.id", 51L));
        assertThrows("a participant of another name is not the tasks module", UnavailableException.class,
                () -> service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null));

        tasksModuleStarts();
        Opportunity moved = service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        assertEquals(Integer.valueOf(2), moved.currentStage());
        assertEquals(1, offered.size());
        assertEquals("INIT", offered.get(0).activityCode().orElseThrow());
    }
}
