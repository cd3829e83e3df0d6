package org.opportune.tasks.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.PersistenceException;

import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.caller.Caller;
import org.opportune.api.opportunity.Move;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.task.ActivityStepValues;
import org.opportune.api.task.ActivityValues;
import org.opportune.api.task.Task;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskStatus;
import org.opportune.api.task.TaskType;
import org.opportune.tasks.internal.TestViews.TestMove;

/** The move participant on a database: tasks made and canceled in the move's transaction, and only there. */
public class TaskParticipantTest extends TasksTestSupport {
    private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

    private void stepless(String code, String description) {
        asAdmin(() -> activities.create(code, new ActivityValues(description, null)));
    }

    private void initWithSteps() {
        asAdmin(() -> activities.create("INIT", new ActivityValues("Initial contact", List.of(
                new ActivityStepValues(2, TaskType.MEETING, "Meet", TaskPriority.HIGH, "1W"),
                new ActivityStepValues(1, TaskType.PHONE_CALL, "Call", null, null)))));
    }

    private static List<String> statuses(List<Task> tasks) {
        return tasks.stream().map(task -> task.no() + " " + task.status()).toList();
    }

    @Test
    public void anActivationMakesOneTaskPerStepInStepOrderEachDatedFromTheDateOfChange() {
        initWithSteps();
        Move activation = move(op1, null, "INIT", JUNE_2, false);
        run(activation);
        List<Task> made = tasksOf("OP1");
        assertEquals(2, made.size());
        Task call = made.get(0);
        assertEquals("TK000001", call.no());
        assertEquals(TaskType.PHONE_CALL, call.type());
        assertEquals("Call", call.description());
        assertEquals(JUNE_2, call.date());
        assertEquals(TaskPriority.NORMAL, call.priority());
        assertEquals(Integer.valueOf(1), call.step());
        Task meeting = made.get(1);
        assertEquals("TK000002", meeting.no());
        assertEquals(TaskType.MEETING, meeting.type());
        assertEquals(LocalDate.of(2025, 6, 9), meeting.date());
        assertEquals(TaskPriority.HIGH, meeting.priority());
        assertEquals(Integer.valueOf(2), meeting.step());
        for (Task task : made) {
            assertEquals(TaskStatus.OPEN, task.status());
            assertEquals("JO", task.salespersonCode());
            assertEquals("CT1", task.contactNo());
            assertEquals("OP1", task.opportunityNo());
            assertEquals(Long.valueOf(activation.entry().entryNo()), task.opportunityEntryNo());
            assertEquals("INIT", task.activityCode());
            assertEquals(1L, task.version());
            assertEquals("ann", task.changedBy());
            assertEquals(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), task.changedAt());
            assertEquals(null, task.dateCompleted());
        }
    }

    @Test
    public void firstNextPreviousSkipAndJumpMakeTasksAnUpdateAndACloseDoNot() {
        stepless("QUALIFY", "Qualify the lead");
        int expected = 0;
        for (OpportunityAction action : List.of(OpportunityAction.FIRST, OpportunityAction.NEXT,
                OpportunityAction.PREVIOUS, OpportunityAction.SKIP, OpportunityAction.JUMP)) {
            run(move(op1, action, "QUALIFY", JUNE_2, false));
            assertEquals(action.name(), ++expected, tasksOf("OP1").size());
        }
        run(move(op1, OpportunityAction.UPDATE, "QUALIFY", JUNE_2, false));
        run(new TestMove(op1, close(op1, JUNE_2, false).entry(), Optional.empty(), false, Optional.of("QUALIFY"),
                MANAGER));
        assertEquals(expected, tasksOf("OP1").size());
    }

    @Test
    public void anActivityWithoutStepsMakesOneTodoWithItsDescription() {
        stepless("QUALIFY", "Qualify the lead");
        run(move(op1, OpportunityAction.NEXT, "qualify".toUpperCase(), JUNE_2, false));
        Task task = tasksOf("OP1").get(0);
        assertEquals(TaskType.TODO, task.type());
        assertEquals("Qualify the lead", task.description());
        assertEquals(JUNE_2, task.date());
        assertEquals(TaskPriority.NORMAL, task.priority());
        assertEquals("QUALIFY", task.activityCode());
        assertEquals(null, task.step());
    }

    @Test
    public void aMoveThatCancelsOpenTasksCancelsTheOldOnesBeforeMakingTheNew() {
        initWithSteps();
        stepless("QUALIFY", "Qualify the lead");
        run(move(op1, null, "INIT", JUNE_2, false));
        run(move(op2, null, "INIT", JUNE_2, false));
        run(move(op1, OpportunityAction.NEXT, "QUALIFY", JUNE_2.plusDays(3), true));
        assertEquals(List.of("TK000001 CANCELED", "TK000002 CANCELED", "TK000005 OPEN"), statuses(tasksOf("OP1")));
        Task canceled = tasksOf("OP1").get(0);
        assertEquals(2L, canceled.version());
        assertEquals("ann", canceled.changedBy());
        assertEquals("another opportunity's tasks stay open", List.of("TK000003 OPEN", "TK000004 OPEN"),
                statuses(tasksOf("OP2")));
    }

    @Test
    public void aMoveThatDoesNotCancelKeepsTheOpenTasks() {
        stepless("QUALIFY", "Qualify the lead");
        run(move(op1, null, "QUALIFY", JUNE_2, false));
        run(move(op1, OpportunityAction.NEXT, "QUALIFY", JUNE_2, false));
        assertEquals(List.of("TK000001 OPEN", "TK000002 OPEN"), statuses(tasksOf("OP1")));
    }

    @Test
    public void aCloseCancelsTheOpenTasksWhenToldAndLeavesFinalOnesAlone() {
        stepless("QUALIFY", "Qualify the lead");
        run(move(op1, null, "QUALIFY", JUNE_2, false));
        run(move(op1, OpportunityAction.NEXT, "QUALIFY", JUNE_2, false));
        as(MANAGER, () -> tasks.complete("TK000001", JUNE_2, null));
        run(close(op1, JUNE_2, true));
        assertEquals(List.of("TK000001 COMPLETED", "TK000002 CANCELED"), statuses(tasksOf("OP1")));
    }

    @Test
    public void aCloseThatIsToldNotToCancelKeepsTheOpenTasks() {
        stepless("QUALIFY", "Qualify the lead");
        run(move(op1, null, "QUALIFY", JUNE_2, false));
        run(close(op1, JUNE_2, false));
        assertEquals(List.of("TK000001 OPEN"), statuses(tasksOf("OP1")));
    }

    @Test
    public void aStageNamingAMissingActivityRefusesTheMoveAndNothingIsWritten() {
        stepless("QUALIFY", "Qualify the lead");
        run(move(op1, null, "QUALIFY", JUNE_2, false));
        ConflictException refused = assertThrows(ConflictException.class,
                () -> run(move(op1, OpportunityAction.NEXT, "GONE", JUNE_2, true)));
        assertTrue(refused.getMessage(), refused.getMessage().contains("names activity GONE, which does not exist"));
        assertEquals("the cancel before the refusal is rolled back too", List.of("TK000001 OPEN"),
                statuses(tasksOf("OP1")));
    }

    @Test
    public void aRetriedMoveKeepsOnlyTheTasksOfItsLastAttempt() {
        initWithSteps();
        AtomicInteger attempts = new AtomicInteger();
        Move activation = move(op1, null, "INIT", JUNE_2, false);
        moves.run(em -> {
            participant.moved(activation);
            if (attempts.incrementAndGet() == 1) {
                throw new PersistenceException(new SQLException("lost a lock race", "40001"));
            }
        });
        assertEquals(2, attempts.get());
        // the first attempt's numbers are gone with it: a gap, as the sequence gives numbers outside transactions
        assertEquals(List.of("TK000003 OPEN", "TK000004 OPEN"), statuses(tasksOf("OP1")));
    }

    @Test
    public void aRolledBackMoveLeavesNoTask() {
        initWithSteps();
        assertThrows(IllegalArgumentException.class, () -> moves.run(em -> {
            participant.moved(move(op1, null, "INIT", JUNE_2, false));
            throw new IllegalArgumentException("a later participant refused");
        }));
        assertEquals(List.of(), tasksOf("OP1"));
    }

    @Test
    public void aMoveOutsideASharedTransactionIsAProgrammingError() {
        stepless("QUALIFY", "Qualify the lead");
        assertThrows(IllegalStateException.class, () -> participant.moved(move(op1, null, "QUALIFY", JUNE_2, false)));
    }

    @Test
    public void aMoveWithNothingToDoNeedsNoTransaction() {
        participant.moved(move(op1, OpportunityAction.UPDATE, "QUALIFY", JUNE_2, false));
        participant.moved(move(op1, OpportunityAction.NEXT, null, JUNE_2, false));
    }

    @Test
    public void deletingAnOpportunityDeletesItsTasksOnly() {
        stepless("QUALIFY", "Qualify the lead");
        run(move(op1, null, "QUALIFY", JUNE_2, false));
        run(move(op2, null, "QUALIFY", JUNE_2, false));
        moves.run(em -> participant.deleting(op1));
        assertEquals(List.of(), tasksOf("OP1"));
        assertEquals(1, tasksOf("OP2").size());
    }

    @Test
    public void theServerIsRecordedAsSystem() {
        stepless("QUALIFY", "Qualify the lead");
        Move byManager = move(op1, null, "QUALIFY", JUNE_2, false);
        run(new TestMove(byManager.opportunity(), byManager.entry(), byManager.action(), false,
                byManager.activityCode(), Caller.system()));
        assertEquals("system", tasksOf("OP1").get(0).changedBy());
    }

    @Test
    public void numbersFollowTheConfiguredPattern() {
        stepless("QUALIFY", "Qualify the lead");
        participant = new TaskParticipant(sharing, database, config("t-", 4));
        participant.clock = clock;
        run(move(op1, null, "QUALIFY", JUNE_2, false));
        assertEquals("T-0001", tasksOf("OP1").get(0).no());
    }
}
