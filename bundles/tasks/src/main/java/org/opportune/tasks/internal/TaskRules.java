package org.opportune.tasks.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.opportune.api.dateformula.DateFormula;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.Move;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskType;

/** What a move does to tasks (DOMAIN §10), without a database: which work, in which order, and which tasks. */
final class TaskRules {
    /** The work a move asks for; a move does it in this order. */
    enum Work {
        /** Cancel the opportunity's open tasks: first, so that the tasks the move makes stay open. */
        CANCEL_OPEN_TASKS,
        /** Make the tasks of the stage's activity. */
        CREATE_TASKS
    }

    private TaskRules() {
    }

    /** @return the work of {@code move}, in the order it is done; empty for none */
    static List<Work> workFor(Move move) {
        List<Work> work = new ArrayList<>();
        if (move.cancelOpenTasks()) {
            work.add(Work.CANCEL_OPEN_TASKS);
        }
        if (move.activityCode().isPresent() && createsTasks(move.action(), move.entry().actionTaken())) {
            work.add(Work.CREATE_TASKS);
        }
        return work;
    }

    /**
     * @param action      the update's action; empty for an activation and a close
     * @param entryAction what the entry written records
     * @return whether the move enters a stage in a way that makes tasks: an activation, FIRST, NEXT, PREVIOUS, SKIP
     *         or JUMP; not an UPDATE (the opportunity stays at its stage) and not a close
     */
    static boolean createsTasks(Optional<OpportunityAction> action, ActionTaken entryAction) {
        if (action.isEmpty()) {
            return entryAction != ActionTaken.WON && entryAction != ActionTaken.LOST;
        }
        return action.get() != OpportunityAction.UPDATE;
    }

    /**
     * The tasks an activity makes: one per step by step number, each dated by its step's formula applied to the
     * date of change (every step counts from that date, not from the step before); one TODO task with the
     * activity's description on the date of change when it has no steps.
     *
     * @param formulas reads a step's formula text (a cache, say)
     */
    static List<PlannedTask> tasksOf(String activityDescription, List<ActivityStepView> steps,
            LocalDate dateOfChange, Function<String, DateFormula> formulas) {
        if (steps.isEmpty()) {
            return List.of(new PlannedTask(TaskType.TODO, activityDescription, dateOfChange, TaskPriority.NORMAL,
                    null));
        }
        return steps.stream().sorted(Comparator.comparingInt(ActivityStepView::step))
                .map(step -> new PlannedTask(step.type(), step.description(),
                        step.dateFormula() == null ? dateOfChange
                                : formulas.apply(step.dateFormula()).apply(dateOfChange),
                        step.priority() == null ? TaskPriority.NORMAL : step.priority(), step.step()))
                .toList();
    }
}
