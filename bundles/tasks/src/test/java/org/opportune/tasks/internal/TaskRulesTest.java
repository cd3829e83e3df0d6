package org.opportune.tasks.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.opportune.api.caller.Caller;
import org.opportune.api.dateformula.DateFormula;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.Move;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskType;
import org.opportune.tasks.internal.TaskRules.Work;
import org.opportune.tasks.internal.TestViews.TestEntry;
import org.opportune.tasks.internal.TestViews.TestMove;
import org.opportune.tasks.internal.TestViews.TestOpportunity;

/** The rules of DOMAIN §10 on their own: which moves make tasks, which tasks, and the order of the work. */
public class TaskRulesTest {
    private static final LocalDate CHANGED = LocalDate.of(2025, 3, 31);

    private static Move move(Optional<OpportunityAction> action, ActionTaken taken, String activityCode,
            boolean cancelOpenTasks) {
        return new TestMove(new TestOpportunity("OP1", "CT1", "JO"),
                new TestEntry(7, "OP1", taken == ActionTaken.WON ? 0 : 2, taken, CHANGED), action, cancelOpenTasks,
                Optional.ofNullable(activityCode), Caller.system());
    }

    @Test
    public void anActivationAndFirstNextPreviousSkipAndJumpMakeTasks() {
        assertTrue(TaskRules.createsTasks(Optional.empty(), ActionTaken.NONE));
        for (OpportunityAction action : List.of(OpportunityAction.FIRST, OpportunityAction.NEXT,
                OpportunityAction.PREVIOUS, OpportunityAction.SKIP, OpportunityAction.JUMP)) {
            assertTrue(action.name(), TaskRules.createsTasks(Optional.of(action), ActionTaken.NEXT));
        }
    }

    @Test
    public void anUpdateAtTheSameStageAndACloseMakeNone() {
        assertFalse(TaskRules.createsTasks(Optional.of(OpportunityAction.UPDATE), ActionTaken.UPDATED));
        assertFalse(TaskRules.createsTasks(Optional.empty(), ActionTaken.WON));
        assertFalse(TaskRules.createsTasks(Optional.empty(), ActionTaken.LOST));
    }

    @Test
    public void tasksAreMadeOnlyForAStageThatNamesAnActivity() {
        assertEquals(List.of(Work.CREATE_TASKS),
                TaskRules.workFor(move(Optional.of(OpportunityAction.NEXT), ActionTaken.NEXT, "MEET", false)));
        assertEquals(List.of(),
                TaskRules.workFor(move(Optional.of(OpportunityAction.NEXT), ActionTaken.NEXT, null, false)));
        assertEquals(List.of(),
                TaskRules.workFor(move(Optional.of(OpportunityAction.UPDATE), ActionTaken.UPDATED, "MEET", false)));
    }

    @Test
    public void openTasksAreCanceledBeforeTheNewOnesAreMade() {
        assertEquals(List.of(Work.CANCEL_OPEN_TASKS, Work.CREATE_TASKS),
                TaskRules.workFor(move(Optional.of(OpportunityAction.NEXT), ActionTaken.NEXT, "MEET", true)));
        assertEquals(List.of(Work.CANCEL_OPEN_TASKS),
                TaskRules.workFor(move(Optional.of(OpportunityAction.UPDATE), ActionTaken.UPDATED, "MEET", true)));
    }

    @Test
    public void aCloseCancelsWhenAskedAndOtherwiseKeepsTheTasks() {
        assertEquals(List.of(Work.CANCEL_OPEN_TASKS), TaskRules.workFor(move(Optional.empty(), ActionTaken.WON, null,
                true)));
        assertEquals(List.of(), TaskRules.workFor(move(Optional.empty(), ActionTaken.WON, null, false)));
        // even if a closing move named an activity, it would make nothing
        assertEquals(List.of(), TaskRules.workFor(move(Optional.empty(), ActionTaken.LOST, "MEET", false)));
    }

    @Test
    public void everyStepIsDatedFromTheDateOfChangeInStepOrder() {
        List<ActivityStepView> steps = List.of(
                new ActivityStepView(3, TaskType.MEETING, "Meet", TaskPriority.HIGH, "1W"),
                new ActivityStepView(1, TaskType.PHONE_CALL, "Call", TaskPriority.LOW, null),
                new ActivityStepView(2, TaskType.TODO, "Prepare", TaskPriority.NORMAL, "CM"));
        assertEquals(List.of(
                new PlannedTask(TaskType.PHONE_CALL, "Call", CHANGED, TaskPriority.LOW, 1),
                new PlannedTask(TaskType.TODO, "Prepare", LocalDate.of(2025, 3, 31), TaskPriority.NORMAL, 2),
                new PlannedTask(TaskType.MEETING, "Meet", LocalDate.of(2025, 4, 7), TaskPriority.HIGH, 3)),
                TaskRules.tasksOf("Initial contact", steps, CHANGED, DateFormula::parse));
    }

    @Test
    public void stepsDoNotCountFromEachOther() {
        List<ActivityStepView> steps = List.of(new ActivityStepView(1, TaskType.TODO, "A", TaskPriority.NORMAL, "5D"),
                new ActivityStepView(2, TaskType.TODO, "B", TaskPriority.NORMAL, "5D"));
        assertEquals(List.of(LocalDate.of(2025, 4, 5), LocalDate.of(2025, 4, 5)),
                TaskRules.tasksOf("X", steps, CHANGED, DateFormula::parse).stream().map(PlannedTask::date).toList());
    }

    @Test
    public void anActivityWithoutStepsMakesOneTodoWithItsDescriptionOnTheDateOfChange() {
        assertEquals(List.of(new PlannedTask(TaskType.TODO, "Qualify the lead", CHANGED, TaskPriority.NORMAL, null)),
                TaskRules.tasksOf("Qualify the lead", List.of(), CHANGED, DateFormula::parse));
    }

    @Test
    public void eachFormulaTextIsReadThroughTheGivenReader() {
        List<String> read = new ArrayList<>();
        TaskRules.tasksOf("X", List.of(new ActivityStepView(1, TaskType.TODO, "A", TaskPriority.NORMAL, "2D")),
                CHANGED, text -> {
                    read.add(text);
                    return DateFormula.parse(text);
                });
        assertEquals(List.of("2D"), read);
    }
}
