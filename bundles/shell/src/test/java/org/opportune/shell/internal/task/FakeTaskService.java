package org.opportune.shell.internal.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.opportune.api.ConflictException;
import org.opportune.api.task.NewTask;
import org.opportune.api.task.SalespersonTasks;
import org.opportune.api.task.Task;
import org.opportune.api.task.TaskChange;
import org.opportune.api.task.TaskQuery;
import org.opportune.api.task.TaskService;
import org.opportune.api.task.TaskStatus;
import org.opportune.shell.internal.FakeService;
import org.opportune.shell.internal.Rows;
import org.opportune.shell.internal.Views;
import org.opportune.shell.internal.Views.TaskView;

/**
 * An in-memory TaskService, ordered by no., that records the completions and cancellations the commands ask for;
 * completed and canceled tasks refuse both, as the tasks module does.
 */
public final class FakeTaskService extends FakeService<Task, TaskQuery> implements TaskService {
    /** "Today" for the fake: an open task dated before it is overdue, a completion without date takes it. */
    public static final LocalDate TODAY = LocalDate.of(2024, 3, 1);

    /** One call of {@link #complete} or {@link #cancel}. */
    public record Finish(String no, TaskStatus status, LocalDate dateCompleted, Long expectedVersion) {
    }

    public final List<Finish> finishes = new ArrayList<>();

    public FakeTaskService() {
        super(new Rows<>("task", Task::no, Task::version), SORT_FIELDS);
    }

    public FakeTaskService with(Task task) {
        rows.put(task);
        return this;
    }

    @Override
    protected boolean matches(TaskQuery query, Task task) {
        return (query.opportunityNo() == null || Rows.key(query.opportunityNo()).equals(task.opportunityNo()))
                && (query.salespersonCode() == null
                        || Rows.key(query.salespersonCode()).equals(task.salespersonCode()))
                && (query.contactNo() == null || Rows.key(query.contactNo()).equals(task.contactNo()))
                && (query.status() == null || query.status() == task.status())
                && (query.dateFrom() == null || !task.date().isBefore(query.dateFrom()))
                && (query.dateTo() == null || !task.date().isAfter(query.dateTo()))
                && (query.overdue() == null || query.overdue() == overdue(task));
    }

    private static boolean overdue(Task task) {
        return task.status() == TaskStatus.OPEN && task.date().isBefore(TODAY);
    }

    @Override
    public Task complete(String no, LocalDate dateCompleted, Long expectedVersion) {
        finishes.add(new Finish(no, TaskStatus.COMPLETED, dateCompleted, expectedVersion));
        return finish(no, TaskStatus.COMPLETED, Objects.requireNonNullElse(dateCompleted, TODAY), expectedVersion);
    }

    @Override
    public Task cancel(String no, Long expectedVersion) {
        finishes.add(new Finish(no, TaskStatus.CANCELED, null, expectedVersion));
        return finish(no, TaskStatus.CANCELED, null, expectedVersion);
    }

    private Task finish(String no, TaskStatus status, LocalDate dateCompleted, Long expectedVersion) {
        Task current = rows.current(no, expectedVersion);
        if (current.status().isFinal()) {
            throw new ConflictException("task " + current.no() + " is " + current.status().name().toLowerCase()
                    + ": it cannot change any more");
        }
        return rows.put(new TaskView(current.no(), current.type(), current.description(), current.date(),
                current.priority(), status, current.salespersonCode(), current.contactNo(), current.opportunityNo(),
                current.opportunityEntryNo(), current.activityCode(), current.step(), dateCompleted,
                current.version() + 1, changedBy(), Views.COMMITTED));
    }

    @Override
    public Task create(NewTask task) {
        throw new UnsupportedOperationException("no command makes tasks by hand");
    }

    @Override
    public Task change(String no, TaskChange change, Long expectedVersion) {
        throw new UnsupportedOperationException("no command changes tasks");
    }

    @Override
    public List<SalespersonTasks> countsBySalesperson(LocalDate completedFrom, LocalDate completedTo) {
        throw new UnsupportedOperationException("the report counts them");
    }
}
