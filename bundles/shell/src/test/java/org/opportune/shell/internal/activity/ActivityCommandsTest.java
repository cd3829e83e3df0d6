package org.opportune.shell.internal.activity;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.opportune.shell.internal.Completions.candidates;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.PageRequest;
import org.opportune.api.task.ActivityStepValues;
import org.opportune.api.task.ActivityValues;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskType;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.ListOptions;
import org.opportune.shell.internal.References;
import org.opportune.shell.internal.activity.FakeActivityService.Change;

/** The activity:* commands: setup of the activities whose steps become tasks (DOMAIN §10). */
public class ActivityCommandsTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    private final FakeActivityService service = Activities.activities();

    private <C extends ActivityCommand> C on(C command, String code) {
        References.inject(command, service).code = code;
        return command;
    }

    @Test
    public void listPrintsEveryActivityWithItsNumberOfSteps() throws Exception {
        References.inject(new ListActivities(), service).execute();

        assertEquals(List.of(List.of("Code", "Description", "Steps"), List.of("INIT", "Initial contact", "2"),
                List.of("WRAP", "Wrap up", "0")), console.tableRows());
        String[] lines = console.outLines();
        assertEquals("2 of 2", lines[lines.length - 1]);
        assertEquals(null, service.lastQuery);
    }

    @Test
    public void listFindsByTextAndPages() throws Exception {
        ListActivities command = ListOptions.text(References.inject(new ListActivities(), service), "wrap");
        ListOptions.page(command, 0, 10).execute();

        assertEquals("wrap", service.lastQuery);
        assertEquals(PageRequest.of(0, 10, null), service.lastPage);
        assertEquals(List.of("WRAP"), console.tableRows().stream().skip(1).map(row -> row.get(0)).toList());
    }

    @Test
    public void showPrintsTheActivityAndItsStepsInOrder() throws Exception {
        on(new ShowActivity(), "init").execute();

        assertEquals(List.of("Code | INIT", "Description | Initial contact", "Version | 4", "Changed By | admin",
                "Changed At | 2024-01-02T07:59:30Z",
                "Step | Type | Description | Priority | Date Formula",
                "1 | PHONE_CALL | Call the buyer | HIGH | 2D",
                "3 | MEETING | Present the offer | NORMAL | "), console.tableLines());
    }

    @Test
    public void showSaysWhatAnActivityWithoutStepsMakes() throws Exception {
        on(new ShowActivity(), "WRAP").execute();

        String[] lines = console.outLines();
        assertEquals("No steps: a move makes one TODO task with the activity's description", lines[lines.length - 1]);
    }

    @Test
    public void addCreatesAnActivityWithoutSteps() throws Exception {
        AddActivity command = References.inject(new AddActivity(), service);
        command.code = "demo";
        command.description = "Product demo";
        command.execute();

        assertEquals(List.of(new Change("create", "demo", new ActivityValues("Product demo", List.of()), null)),
                service.changes);
        assertEquals("DEMO", service.get("DEMO").code());
        assertArrayEquals(new String[] {"Added activity DEMO"}, console.outLines());
    }

    @Test
    public void addRefusesATakenCode() throws Exception {
        AddActivity command = References.inject(new AddActivity(), service);
        command.code = "init";
        command.description = "Again";

        assertEquals("code is taken by an existing activity", refusalOf(command));
        assertEquals(Activities.INIT, service.get("INIT"));
    }

    @Test
    public void stepAddSendsTheOptionsInAnyCaseAtTheVersionRead() throws Exception {
        AddActivityStep command = on(new AddActivityStep(), "init");
        command.type = "phone_call";
        command.description = "Call again";
        command.priority = "high";
        command.dateFormula = "1w";
        command.execute();

        assertEquals(List.of(new Change("addStep", "INIT",
                new ActivityStepValues(null, TaskType.PHONE_CALL, "Call again", TaskPriority.HIGH, "1w"), 4L)),
                service.changes);
        assertEquals(List.of(1, 3, 4), service.get("INIT").steps().stream().map(step -> step.step()).toList());
        assertArrayEquals(new String[] {"Activity INIT has 3 steps"}, console.outLines());
    }

    @Test
    public void stepAddTakesTheNumberGivenAndLeavesPriorityAndFormulaToTheDomain() throws Exception {
        AddActivityStep command = on(new AddActivityStep(), "WRAP");
        command.type = "TODO";
        command.description = "Archive the file";
        command.step = 5;
        command.execute();

        assertEquals(new ActivityStepValues(5, TaskType.TODO, "Archive the file", null, null),
                service.changes.get(0).sent());
        assertArrayEquals(new String[] {"Activity WRAP has 1 step"}, console.outLines());
    }

    @Test
    public void stepAddNamesTheOptionAtFaultAndSendsNothingForAnUnknownType() throws Exception {
        AddActivityStep command = on(new AddActivityStep(), "INIT");
        command.type = "CALL";
        command.description = "Call";

        assertEquals("type must be one of TODO, MEETING, PHONE_CALL (got 'CALL')", refusalOf(command));
        assertEquals(List.of(), service.changes);
    }

    @Test
    public void stepAddWithoutTypeIsRefusedByTheService() throws Exception {
        AddActivityStep command = on(new AddActivityStep(), "INIT");
        command.description = "Call";

        assertEquals("type is required", refusalOf(command));
        assertEquals(Activities.INIT, service.get("INIT"));
        assertEquals("", console.out());
    }

    @Test
    public void stepDeleteDeletesTheStepAtTheVersionRead() throws Exception {
        DeleteActivityStep command = on(new DeleteActivityStep(), "init");
        command.step = 3;
        command.execute();

        assertEquals(List.of(new Change("deleteStep", "INIT", 3, 4L)), service.changes);
        assertEquals(1, service.get("INIT").steps().size());
        assertArrayEquals(new String[] {"Deleted step 3 of activity INIT"}, console.outLines());
    }

    @Test
    public void stepDeleteOfAMissingStepSaysSo() throws Exception {
        DeleteActivityStep command = on(new DeleteActivityStep(), "INIT");
        command.step = 2;

        assertEquals("step INIT/2 does not exist", refusalOf(command));
        assertEquals(Activities.INIT, service.get("INIT"));
    }

    @Test
    public void deleteDeletesAnActivityNoStageNames() throws Exception {
        on(new DeleteActivity(), "wrap").execute();

        assertEquals(List.of(new Change("delete", "WRAP", null, 1L)), service.changes);
        assertFalse(service.find("WRAP").isPresent());
        assertArrayEquals(new String[] {"Deleted activity WRAP"}, console.outLines());
    }

    @Test
    public void deleteKeepsAnActivityAStageNames() throws Exception {
        assertEquals("activity INIT cannot be deleted: sales cycle stage FIRM/1 names it",
                refusalOf(on(new DeleteActivity(), "INIT")));
        assertTrue(service.find("INIT").isPresent());
    }

    @Test
    public void anUnknownActivityIsReportedInOneLine() throws Exception {
        assertEquals("activity ZZ does not exist", refusalOf(on(new ShowActivity(), "zz")));
        assertEquals("activity ZZ does not exist", refusalOf(on(new DeleteActivity(), "zz")));
        assertEquals(List.of(), service.changes);
    }

    @Test
    public void saysSoWhenTheTasksModuleIsNotRunning() throws Exception {
        assertEquals("the tasks module is not available", refusalOf(new ListActivities()));
        assertEquals("the tasks module is not available", refusalOf(new AddActivity()));
        ShowActivity show = new ShowActivity();
        show.code = "INIT";
        assertEquals("the tasks module is not available", refusalOf(show));
    }

    @Test
    public void completesActivityCodesTypesAndPriorities() {
        ActivityCodeCompleter codes = References.inject(new ActivityCodeCompleter(), service);

        assertEquals(List.of("INIT ", "WRAP "), candidates(codes, "activity:show", ""));
        assertEquals(PageRequest.of(0, PageRequest.MAX_LIMIT, "code"), service.lastPage);
        assertEquals(List.of("WRAP "), candidates(codes, "activity:show", "wr"));
        assertEquals("wr", service.lastQuery);
        assertEquals(List.of(), candidates(new ActivityCodeCompleter(), "activity:show", ""));
        assertEquals(List.of("PHONE_CALL "), candidates(new TaskTypeCompleter(), "activity:step-add", "PH"));
        assertEquals(List.of("HIGH "), candidates(new TaskPriorityCompleter(), "activity:step-add", "H"));
    }
}
