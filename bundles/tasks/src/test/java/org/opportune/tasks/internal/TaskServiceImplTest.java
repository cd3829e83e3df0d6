package org.opportune.tasks.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.opportune.api.AccessDeniedException;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
import org.opportune.api.ValidationException;
import org.opportune.api.caller.Caller;
import org.opportune.api.task.NewTask;
import org.opportune.api.task.SalespersonTasks;
import org.opportune.api.task.Task;
import org.opportune.api.task.TaskChange;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskQuery;
import org.opportune.api.task.TaskStatus;
import org.opportune.api.task.TaskType;

/** Tasks by hand: checks, defaults, who sees and changes which, final states, filters and the counts. */
public class TaskServiceImplTest extends TasksTestSupport {

    private static NewTask task(String description, LocalDate date, String salespersonCode, String contactNo,
            String opportunityNo) {
        return new NewTask(TaskType.TODO, description, date, null, salespersonCode, contactNo, opportunityNo);
    }

    private Task create(Caller caller, NewTask task) {
        return as(caller, () -> tasks.create(task));
    }

    private List<String> listed(Caller caller, TaskQuery query) {
        return as(caller, () -> tasks.list(query, PageRequest.first())).items().stream().map(Task::no).toList();
    }

    private static TaskQuery overdue(Boolean overdue) {
        return new TaskQuery(null, null, null, null, null, null, overdue);
    }

    private static List<String> fields(Exception e) {
        return ((org.opportune.api.OpportuneException) e).errors().stream().map(FieldError::field).toList();
    }

    @Test
    public void aTaskByHandTakesTheNextNumberAndItsOpportunitysContactAndSalesperson() {
        Task created = create(MANAGER, task("Send the offer", TODAY, null, null, "op1"));
        assertEquals("TK000001", created.no());
        assertEquals(TaskType.TODO, created.type());
        assertEquals("Send the offer", created.description());
        assertEquals(TODAY, created.date());
        assertEquals(TaskPriority.NORMAL, created.priority());
        assertEquals(TaskStatus.OPEN, created.status());
        assertEquals("JO", created.salespersonCode());
        assertEquals("CT1", created.contactNo());
        assertEquals("OP1", created.opportunityNo());
        assertEquals(null, created.opportunityEntryNo());
        assertEquals(null, created.activityCode());
        assertEquals(null, created.step());
        assertEquals(1L, created.version());
        assertEquals("ann", created.changedBy());
        assertEquals(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), created.changedAt());
        assertEquals(created, as(VIEWER, () -> tasks.get("tk000001")));
        assertEquals("TK000002", create(MANAGER, task("Call", TODAY, null, "CT2", null)).no());
    }

    @Test
    public void withoutOpportunityTheSalespersonIsTheContactsOrRequired() {
        assertEquals("AL", create(MANAGER, task("Call", TODAY, null, "ct2", null)).salespersonCode());
        assertEquals("JO", create(MANAGER, task("Call", TODAY, "jo", "CT2", null)).salespersonCode());
        ValidationException none = assertThrows(ValidationException.class,
                () -> create(MANAGER, task("Call", TODAY, null, null, null)));
        assertEquals(List.of("salespersonCode"), fields(none));
    }

    @Test
    public void aNewTaskIsCheckedFieldByFieldAndByWhatItNames() {
        ValidationException missing = assertThrows(ValidationException.class,
                () -> create(MANAGER, new NewTask(null, " ", null, null, null, null, null)));
        assertEquals(List.of("type", "description", "date"), fields(missing));
        assertEquals(List.of("description"), fields(assertThrows(ValidationException.class,
                () -> create(MANAGER, task("x".repeat(101), TODAY, "JO", null, null)))));
        assertEquals(List.of("contactNo"), fields(assertThrows(ValidationException.class,
                () -> create(MANAGER, task("Call", TODAY, "JO", "CT9", null)))));
        assertEquals(List.of("opportunityNo"), fields(assertThrows(ValidationException.class,
                () -> create(MANAGER, task("Call", TODAY, "JO", null, "OP9")))));
        assertEquals(List.of("salespersonCode"), fields(assertThrows(ValidationException.class,
                () -> create(MANAGER, task("Call", TODAY, "XX", null, null)))));
        assertThrows(ConflictException.class, () -> create(MANAGER, task("Call", TODAY, "BL", null, null)));
        assertEquals(List.of(), listed(MANAGER, TaskQuery.all()));
    }

    @Test
    public void withoutTheSalespeopleModuleNoTaskIsMade() {
        collaborators.salespeople = null;
        UnavailableException refused = assertThrows(UnavailableException.class,
                () -> create(MANAGER, task("Call", TODAY, "JO", null, null)));
        assertTrue(refused.getMessage(), refused.getMessage().contains("salespeople"));
        collaborators.salespeople = salespeople;
        collaborators.opportunities = null;
        assertTrue(assertThrows(UnavailableException.class,
                () -> create(MANAGER, task("Call", TODAY, "JO", null, "OP1"))).getMessage().contains("opportunities"));
        assertEquals("tasks without opportunity are made all the same; a refused one took no number", "TK000001",
                create(MANAGER, task("Call", TODAY, "JO", null, null)).no());
    }

    @Test
    public void aSalespersonMakesTasksForItselfOnly() {
        assertEquals("JO", create(JO, task("Call", TODAY, null, "CT2", null)).salespersonCode());
        assertEquals("JO", create(JO, task("Call", TODAY, null, null, "OP1")).salespersonCode());
        assertEquals("JO", create(JO, task("Call", TODAY, "jo", null, null)).salespersonCode());
        AccessDeniedException other = assertThrows(AccessDeniedException.class,
                () -> create(JO, task("Call", TODAY, "AL", null, null)));
        assertEquals(List.of("salespersonCode"), fields(other));
        assertEquals("another salesperson's opportunity is missing", List.of("opportunityNo"),
                fields(assertThrows(ValidationException.class, () -> create(JO, task("Call", TODAY, null, null,
                        "OP2")))));
    }

    @Test
    public void aSalespersonSeesAndChangesItsOwnTasksOnly() {
        Task jos = create(MANAGER, task("Jo's", TODAY, "JO", null, null));
        Task als = create(MANAGER, task("Al's", TODAY, "AL", null, null));
        Page<Task> page = as(JO, () -> tasks.list(TaskQuery.all(), PageRequest.of(0, 1, null)));
        assertEquals(1, page.total());
        assertEquals(List.of(jos.no()), page.items().stream().map(Task::no).toList());
        assertEquals("asking for another's lists none", List.of(),
                listed(JO, new TaskQuery(null, "AL", null, null, null, null, null)));
        assertEquals(Optional.empty(), as(JO, () -> tasks.find(als.no())));
        assertThrows(NotFoundException.class, () -> as(JO, () -> tasks.get(als.no())));
        assertThrows(NotFoundException.class, () -> as(JO, () -> tasks.change(als.no(),
                new TaskChange("Mine now", null, null, null), null)));
        assertThrows(NotFoundException.class, () -> as(JO, () -> tasks.complete(als.no(), null, null)));
        assertThrows(NotFoundException.class, () -> as(JO, () -> tasks.cancel(als.no(), null)));
        Task changed = as(JO, () -> tasks.change(jos.no(), new TaskChange("Call Jo back", TODAY.plusDays(1),
                TaskPriority.HIGH, null), jos.version()));
        assertEquals("Call Jo back", changed.description());
        assertEquals(TODAY.plusDays(1), changed.date());
        assertEquals(TaskPriority.HIGH, changed.priority());
        assertEquals(2L, changed.version());
        assertEquals("jo", changed.changedBy());
        assertEquals(TaskStatus.COMPLETED, as(JO, () -> tasks.complete(jos.no(), null, null)).status());
    }

    @Test
    public void onlyAnAdminOrAManagerGivesATaskToAnotherSalesperson() {
        Task jos = create(MANAGER, task("Jo's", TODAY, "JO", null, null));
        AccessDeniedException refused = assertThrows(AccessDeniedException.class, () -> as(JO,
                () -> tasks.change(jos.no(), new TaskChange(null, null, null, "AL"), null)));
        assertEquals(List.of("salespersonCode"), fields(refused));
        assertEquals("naming its own is no reassignment", "JO", as(JO, () -> tasks.change(jos.no(),
                new TaskChange(null, null, null, "jo"), null)).salespersonCode());
        assertThrows(ConflictException.class, () -> as(MANAGER, () -> tasks.change(jos.no(),
                new TaskChange(null, null, null, "BL"), null)));
        assertThrows(ValidationException.class, () -> as(MANAGER, () -> tasks.change(jos.no(),
                new TaskChange(null, null, null, "XX"), null)));
        Task reassigned = as(MANAGER, () -> tasks.change(jos.no(), new TaskChange(null, null, null, "al"), null));
        assertEquals("AL", reassigned.salespersonCode());
        assertEquals(List.of(), listed(JO, TaskQuery.all()));
        assertEquals(List.of(jos.no()), listed(AL, TaskQuery.all()));
    }

    @Test
    public void aChangeThatChangesNothingKeepsTheVersion() {
        Task created = create(MANAGER, task("Call", TODAY, "JO", null, null));
        Task same = as(ADMIN, () -> tasks.change(created.no(), new TaskChange("Call", TODAY, null, "JO"), 1L));
        assertEquals(created, same);
        assertThrows(ValidationException.class, () -> as(ADMIN, () -> tasks.change(created.no(),
                new TaskChange(" ", null, null, null), null)));
        assertThrows(StaleVersionException.class, () -> as(ADMIN, () -> tasks.change(created.no(),
                new TaskChange("Call again", null, null, null), 7L)));
        assertThrows(NotFoundException.class, () -> as(ADMIN, () -> tasks.change("TK999999",
                new TaskChange("Call again", null, null, null), null)));
    }

    @Test
    public void aSalespersonLinkedToNoSalespersonSeesNoTaskAndMakesNone() {
        Task jos = create(MANAGER, task("Jo's", TODAY, "JO", null, null));
        assertEquals(List.of(), listed(UNLINKED, TaskQuery.all()));
        assertEquals(Optional.empty(), as(UNLINKED, () -> tasks.find(jos.no())));
        assertEquals(List.of(), as(UNLINKED, () -> tasks.countsBySalesperson(null, null)));
        AccessDeniedException refused = assertThrows(AccessDeniedException.class,
                () -> create(UNLINKED, task("Call", TODAY, null, null, null)));
        assertTrue(refused.getMessage(), refused.getMessage().contains("is linked to no salesperson"));
        assertThrows(NotFoundException.class, () -> as(UNLINKED, () -> tasks.cancel(jos.no(), null)));
    }

    @Test
    public void aViewerReadsEveryTaskAndChangesNone() {
        Task jos = create(MANAGER, task("Jo's", TODAY, "JO", null, null));
        create(MANAGER, task("Al's", TODAY, "AL", null, null));
        assertEquals(2, listed(VIEWER, TaskQuery.all()).size());
        assertThrows(AccessDeniedException.class, () -> create(VIEWER, task("Call", TODAY, "JO", null, null)));
        assertThrows(AccessDeniedException.class, () -> as(VIEWER, () -> tasks.change(jos.no(),
                new TaskChange("x", null, null, null), null)));
        assertThrows(AccessDeniedException.class, () -> as(VIEWER, () -> tasks.complete(jos.no(), null, null)));
        assertThrows(AccessDeniedException.class, () -> as(VIEWER, () -> tasks.cancel(jos.no(), null)));
        assertEquals(TaskStatus.OPEN, tasks.get(jos.no()).status());
    }

    @Test
    public void aCallerWithoutRoleSeesNothingAndChangesNothing() {
        Task jos = create(MANAGER, task("Jo's", TODAY, "JO", null, null));
        assertEquals(List.of(), listed(NO_ROLE, TaskQuery.all()));
        assertThrows(NotFoundException.class, () -> as(NO_ROLE, () -> tasks.get(jos.no())));
        assertEquals(List.of(), as(NO_ROLE, () -> tasks.countsBySalesperson(null, null)));
        assertThrows(AccessDeniedException.class, () -> create(NO_ROLE, task("Call", TODAY, "JO", null, null)));
        assertThrows(AccessDeniedException.class, () -> as(NO_ROLE, () -> tasks.cancel(jos.no(), null)));
    }

    @Test
    public void completedAndCanceledTasksAreFinal() {
        Task done = create(MANAGER, task("Done", TODAY, "JO", null, null));
        Task dropped = create(MANAGER, task("Dropped", TODAY, "JO", null, null));
        Task completed = as(MANAGER, () -> tasks.complete(done.no(), TODAY.minusDays(2), 1L));
        assertEquals(TaskStatus.COMPLETED, completed.status());
        assertEquals(TODAY.minusDays(2), completed.dateCompleted());
        assertEquals(2L, completed.version());
        Task canceled = as(MANAGER, () -> tasks.cancel(dropped.no(), null));
        assertEquals(TaskStatus.CANCELED, canceled.status());
        assertEquals(null, canceled.dateCompleted());
        for (String no : List.of(done.no(), dropped.no())) {
            assertThrows(ConflictException.class, () -> as(MANAGER, () -> tasks.change(no,
                    new TaskChange("Again", null, null, null), null)));
            assertThrows(ConflictException.class, () -> as(MANAGER, () -> tasks.complete(no, null, null)));
            assertThrows(ConflictException.class, () -> as(MANAGER, () -> tasks.cancel(no, null)));
        }
        assertEquals(completed, tasks.get(done.no()));
    }

    @Test
    public void aTaskIsCompletedTodayByDefaultAndNeverInTheFuture() {
        Task call = create(MANAGER, task("Call", TODAY, "JO", null, null));
        assertEquals(List.of("dateCompleted"), fields(assertThrows(ValidationException.class,
                () -> as(MANAGER, () -> tasks.complete(call.no(), TODAY.plusDays(1), null)))));
        assertEquals(TODAY, as(MANAGER, () -> tasks.complete(call.no(), null, null)).dateCompleted());
    }

    @Test
    public void overdueTasksAreOpenAndDatedBeforeToday() {
        Task late = create(MANAGER, task("Late", TODAY.minusDays(1), "JO", null, null));
        Task due = create(MANAGER, task("Due", TODAY, "JO", null, null));
        Task lateButDone = create(MANAGER, task("Late but done", TODAY.minusDays(3), "JO", null, null));
        as(MANAGER, () -> tasks.complete(lateButDone.no(), null, null));
        assertEquals(List.of(late.no()), listed(VIEWER, overdue(true)));
        assertEquals(List.of(lateButDone.no(), due.no()), listed(VIEWER, overdue(false)));
        clock.set(TODAY.plusDays(1));
        assertEquals(List.of(late.no(), due.no()), listed(VIEWER, overdue(true)));
    }

    @Test
    public void theListFiltersAndSortsByDateThenNumber() {
        Task later = create(MANAGER, task("Later", TODAY.plusDays(5), "JO", "CT1", "OP1"));
        Task sooner = create(MANAGER, task("Sooner", TODAY, "AL", "CT2", null));
        Task sameDay = create(MANAGER, task("Same day", TODAY, "JO", null, null));
        assertEquals(List.of(sooner.no(), sameDay.no(), later.no()), listed(VIEWER, TaskQuery.all()));
        assertEquals(List.of(sameDay.no(), sooner.no(), later.no()), as(VIEWER, () -> tasks.list(TaskQuery.all(),
                PageRequest.of(0, 10, "-no"))).items().stream().map(Task::no).toList());
        assertEquals(List.of(later.no()), listed(VIEWER, new TaskQuery("op1", null, null, null, null, null, null)));
        assertEquals(List.of(sameDay.no(), later.no()),
                listed(VIEWER, new TaskQuery(null, "jo", null, null, null, null, null)));
        assertEquals(List.of(sooner.no()), listed(VIEWER, new TaskQuery(null, null, "CT2", null, null, null, null)));
        assertEquals(List.of(sooner.no(), sameDay.no()),
                listed(VIEWER, new TaskQuery(null, null, null, TaskStatus.OPEN, null, TODAY, null)));
        assertEquals(List.of(later.no()),
                listed(VIEWER, new TaskQuery(null, null, null, null, TODAY.plusDays(1), null, null)));
        assertEquals(List.of(), listed(VIEWER, new TaskQuery(null, null, null, TaskStatus.CANCELED, null, null,
                null)));
        assertThrows(ValidationException.class, () -> as(VIEWER, () -> tasks.list(TaskQuery.all(),
                PageRequest.of(0, 10, "description"))));
    }

    @Test
    public void theCountsPerSalespersonCoverWhatTheCallerSees() {
        create(MANAGER, task("Jo late", TODAY.minusDays(1), "JO", null, null));
        create(MANAGER, task("Jo due", TODAY, "JO", null, null));
        Task joDone = create(MANAGER, task("Jo done", TODAY, "JO", null, null));
        as(MANAGER, () -> tasks.complete(joDone.no(), TODAY.minusDays(10), null));
        Task alDone = create(MANAGER, task("Al done", TODAY, "AL", null, null));
        as(MANAGER, () -> tasks.complete(alDone.no(), TODAY, null));
        Task alDropped = create(MANAGER, task("Al dropped", TODAY, "AL", null, null));
        as(MANAGER, () -> tasks.cancel(alDropped.no(), null));
        assertEquals(List.of(new SalespersonTasks("AL", 0, 0, 1), new SalespersonTasks("JO", 2, 1, 1)),
                as(VIEWER, () -> tasks.countsBySalesperson(null, null)));
        assertEquals("AL completed nothing in the period and has nothing open: left out",
                List.of(new SalespersonTasks("JO", 2, 1, 1)),
                as(MANAGER, () -> tasks.countsBySalesperson(TODAY.minusDays(10), TODAY.minusDays(1))));
        assertEquals(List.of(new SalespersonTasks("AL", 0, 0, 1), new SalespersonTasks("JO", 2, 1, 0)),
                as(MANAGER, () -> tasks.countsBySalesperson(TODAY, null)));
        assertEquals(List.of(new SalespersonTasks("JO", 2, 1, 1)), as(JO, () -> tasks.countsBySalesperson(null,
                null)));
        assertEquals(List.of(new SalespersonTasks("AL", 0, 0, 1)), as(AL, () -> tasks.countsBySalesperson(null,
                null)));
    }

    @Test
    public void aSalespersonOrContactWithOpenTasksIsInUse() {
        SalespersonOpenTasks salespersonCheck = new SalespersonOpenTasks(database);
        ContactOpenTasks contactCheck = new ContactOpenTasks(database);
        create(MANAGER, task("Call", TODAY, "JO", "CT1", null));
        create(MANAGER, task("Meet", TODAY, "JO", "CT1", null));
        Task done = create(MANAGER, task("Done", TODAY, "AL", "CT2", null));
        as(MANAGER, () -> tasks.complete(done.no(), null, null));
        // whoever asks: the check is not scoped to the caller
        assertEquals(Optional.of("salesperson JO has 2 open tasks"),
                as(NO_ROLE, () -> salespersonCheck.usageOf("jo")));
        assertEquals(Optional.of("contact CT1 has 2 open tasks"), contactCheck.usageOf("CT1"));
        assertEquals(Optional.empty(), salespersonCheck.usageOf("AL"));
        assertEquals(Optional.empty(), contactCheck.usageOf("CT2"));
        assertEquals(Optional.empty(), contactCheck.usageOf(" "));
        as(MANAGER, () -> tasks.cancel("TK000001", null));
        assertEquals(Optional.of("salesperson JO has 1 open task"), salespersonCheck.usageOf("JO"));
    }

    @Test
    public void numbersFollowTheConfiguredPattern() {
        TaskServiceImpl other = new TaskServiceImpl(database, callers, collaborators, config("to-", 3));
        assertEquals("TO-001", as(MANAGER, () -> other.create(task("Call", TODAY, "JO", null, null))).no());
        assertEquals("TK000002", create(MANAGER, task("Call", TODAY, "JO", null, null)).no());
    }
}
