package org.opportune.shell.internal.task;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.Completions.candidates;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.time.LocalDate;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.PageRequest;
import org.opportune.api.task.TaskQuery;
import org.opportune.api.task.TaskStatus;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.ListOptions;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.task.FakeTaskService.Finish;

/** The task:* commands: a login's tasks listed, shown, completed and canceled through the task service. */
public class TaskCommandsTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeTaskService service = Tasks.tasks();

    private ListTasks list() {
        return References.inject(new ListTasks(), service);
    }

    private List<String> listedNos() {
        return console.tableRows().stream().skip(1).map(row -> row.get(0)).toList();
    }

    @Test
    public void listPrintsEveryTaskTheLoginMaySee() throws Exception {
        list().execute();

        List<List<String>> rows = console.tableRows();
        assertEquals(List.of("No.", "Type", "Description", "Date", "Priority", "Status", "Salesperson", "Contact",
                "Opportunity", "Completed"), rows.get(0));
        assertEquals(List.of("TK000001", "PHONE_CALL", "Call the buyer", "2024-02-25", "HIGH", "OPEN", "JO",
                "CT000002", "OP000001", ""), rows.get(1));
        assertEquals(List.of("TK000003", "TODO", "Send the brochure", "2024-02-01", "LOW", "COMPLETED", "AL",
                "CT000001", "", "2024-02-02"), rows.get(3));
        String[] lines = console.outLines();
        assertEquals("4 of 4", lines[lines.length - 1]);
        assertEquals(TaskQuery.all(), service.lastQuery);
        assertEquals("the service scopes the login", "system", service.lastListedFor.userName());
    }

    @Test
    public void listPassesEveryFilter() throws Exception {
        ListTasks command = list();
        command.opportunityNo = "op000001";
        command.salespersonCode = "jo";
        command.contactNo = "CT000002";
        command.status = "open";
        command.dateFrom = "2024-02-01";
        command.dateTo = "2024-02-29";
        command.execute();

        assertEquals(new TaskQuery("op000001", "jo", "CT000002", TaskStatus.OPEN, LocalDate.of(2024, 2, 1),
                LocalDate.of(2024, 2, 29), null), service.lastQuery);
        assertEquals(List.of("TK000001"), listedNos());
    }

    @Test
    public void listOverdueAsksForOpenTasksDatedBeforeToday() throws Exception {
        ListTasks command = list();
        command.overdue = true;
        ListOptions.page(command, 0, 10).execute();

        assertEquals(new TaskQuery(null, null, null, null, null, null, true), service.lastQuery);
        assertEquals(PageRequest.of(0, 10, null), service.lastPage);
        assertEquals(List.of("TK000001"), listedNos());
    }

    @Test
    public void listNamesTheOptionAtFault() throws Exception {
        ListTasks status = list();
        status.status = "DONE";
        assertEquals("status must be one of OPEN, COMPLETED, CANCELED (got 'DONE')", refusalOf(status));
        ListTasks date = list();
        date.dateFrom = "1.2.2024";
        assertEquals("dateFrom must be a date like 2024-01-31 (got '1.2.2024')", refusalOf(date));
        ListTasks backwards = list();
        backwards.dateFrom = "2024-03-01";
        backwards.dateTo = "2024-02-01";
        assertEquals("dateTo must not be before dateFrom (2024-03-01)", refusalOf(backwards));
        assertEquals(null, service.lastQuery);
        assertEquals("", console.out());
    }

    @Test
    public void showPrintsEveryFieldOfTheTask() throws Exception {
        ShowTask command = References.inject(new ShowTask(), service);
        command.no = "tk000001";
        command.execute();

        assertEquals(List.of("No. | TK000001", "Type | PHONE_CALL", "Description | Call the buyer",
                "Date | 2024-02-25", "Priority | HIGH", "Status | OPEN", "Date Completed | ", "Salesperson | JO",
                "Contact | CT000002", "Opportunity | OP000001", "Entry No. | 3", "Activity | INIT", "Step | 1",
                "Version | 1", "Changed By | admin", "Changed At | 2024-02-20T10:00:00Z"), console.tableLines());
    }

    @Test
    public void completeCompletesTheTaskAtTheVersionReadOnTheDateGiven() throws Exception {
        CompleteTask command = References.inject(new CompleteTask(), service);
        command.no = "tk000002";
        command.dateCompleted = "2024-02-28";
        command.execute();

        assertEquals(List.of(new Finish("TK000002", TaskStatus.COMPLETED, LocalDate.of(2024, 2, 28), 1L)),
                service.finishes);
        assertEquals(TaskStatus.COMPLETED, service.get("TK000002").status());
        assertEquals("system", service.get("TK000002").changedBy());
        assertArrayEquals(new String[] {"Task TK000002 is COMPLETED on 2024-02-28"}, console.outLines());
    }

    @Test
    public void completeWithoutDateLeavesItToTheService() throws Exception {
        CompleteTask command = References.inject(new CompleteTask(), service);
        command.no = "TK000001";
        command.execute();

        assertEquals(List.of(new Finish("TK000001", TaskStatus.COMPLETED, null, 1L)), service.finishes);
        assertArrayEquals(new String[] {"Task TK000001 is COMPLETED on " + FakeTaskService.TODAY},
                console.outLines());
    }

    @Test
    public void completeRefusesAMalformedDateBeforeAskingTheService() throws Exception {
        CompleteTask command = References.inject(new CompleteTask(), service);
        command.no = "TK000001";
        command.dateCompleted = "yesterday";

        assertEquals("dateCompleted must be a date like 2024-01-31 (got 'yesterday')", refusalOf(command));
        assertEquals(List.of(), service.finishes);
    }

    @Test
    public void aFinishedTaskCannotBeCompletedOrCanceled() throws Exception {
        CompleteTask complete = References.inject(new CompleteTask(), service);
        complete.no = "TK000003";
        assertEquals("task TK000003 is completed: it cannot change any more", refusalOf(complete));
        CancelTask cancel = References.inject(new CancelTask(), service);
        cancel.no = "TK000004";
        assertEquals("task TK000004 is canceled: it cannot change any more", refusalOf(cancel));
        assertEquals(Tasks.DONE, service.get("TK000003"));
        assertEquals(Tasks.DROPPED, service.get("TK000004"));
    }

    @Test
    public void cancelCancelsTheTaskAtTheVersionRead() throws Exception {
        CancelTask command = References.inject(new CancelTask(), service);
        command.no = "TK000002";
        command.execute();

        assertEquals(List.of(new Finish("TK000002", TaskStatus.CANCELED, null, 1L)), service.finishes);
        assertEquals(TaskStatus.CANCELED, service.get("TK000002").status());
        assertArrayEquals(new String[] {"Task TK000002 is CANCELED"}, console.outLines());
    }

    @Test
    public void aTaskTheLoginMayNotSeeDoesNotExist() throws Exception {
        CancelTask command = References.inject(new CancelTask(), service);
        command.no = "TK000099";

        assertEquals("task TK000099 does not exist", refusalOf(command));
        assertEquals(List.of(), service.finishes);
    }

    @Test
    public void saysSoWhenTheTasksModuleIsNotRunning() throws Exception {
        assertEquals("the tasks module is not available", refusalOf(new ListTasks()));
        CompleteTask complete = new CompleteTask();
        complete.no = "TK000001";
        assertEquals("the tasks module is not available", refusalOf(complete));
    }

    @Test
    public void completesTaskNumbersAndStatuses() {
        TaskNoCompleter any = References.inject(new TaskNoCompleter(), service);
        assertEquals(List.of("TK000001 ", "TK000002 ", "TK000003 ", "TK000004 "), candidates(any, "task:show", "TK"));
        assertEquals(PageRequest.of(0, PageRequest.MAX_LIMIT, "no"), service.lastPage);

        OpenTaskNoCompleter open = References.inject(new OpenTaskNoCompleter(), service);
        assertEquals(List.of("TK000001 ", "TK000002 "), candidates(open, "task:complete", ""));
        assertEquals(TaskStatus.OPEN, service.lastQuery.status());
        assertEquals(List.of(), candidates(new OpenTaskNoCompleter(), "task:complete", ""));
        assertEquals(List.of("CANCELED ", "COMPLETED "), candidates(new TaskStatusCompleter(), "task:list", "C"));
    }
}
