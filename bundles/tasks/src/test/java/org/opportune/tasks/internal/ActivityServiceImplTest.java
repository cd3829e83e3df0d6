package org.opportune.tasks.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.opportune.api.AccessDeniedException;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.opportune.api.ValidationException;
import org.opportune.api.task.Activity;
import org.opportune.api.task.ActivityStep;
import org.opportune.api.task.ActivityStepValues;
import org.opportune.api.task.ActivityValues;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskType;
import org.opportune.persistence.testing.AuditLines;

/** Activities: setup every role reads and only an admin changes, validated field by field, guarded on delete. */
public class ActivityServiceImplTest extends TasksTestSupport {

    private static ActivityStepValues step(Integer number, TaskType type, String description, String formula) {
        return new ActivityStepValues(number, type, description, null, formula);
    }

    private Activity createInit() {
        return as(ADMIN, () -> activities.create("init", new ActivityValues("Initial contact", List.of(
                step(2, TaskType.MEETING, "Meet", "1w"),
                new ActivityStepValues(1, TaskType.PHONE_CALL, "Call", TaskPriority.HIGH, null)))));
    }

    private static String describe(ActivityStep step) {
        return step.step() + " " + step.type() + " " + step.description() + " " + step.priority() + " "
                + step.dateFormula();
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    private int stepRows() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM ACTIVITY_STEP")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void anActivityIsCreatedWithItsStepsByNumber() {
        Activity created = createInit();
        assertEquals("INIT", created.code());
        assertEquals("Initial contact", created.description());
        assertEquals(List.of("1 PHONE_CALL Call HIGH null", "2 MEETING Meet NORMAL 1W"),
                created.steps().stream().map(ActivityServiceImplTest::describe).toList());
        assertEquals(1L, created.version());
        assertEquals("admin", created.changedBy());
        assertEquals(created, as(VIEWER, () -> activities.get("Init")));
    }

    @Test
    public void everyRoleReadsOnlyAnAdminChanges() {
        createInit();
        for (var caller : List.of(MANAGER, JO, VIEWER)) {
            assertEquals("INIT", as(caller, () -> activities.get("INIT")).code());
            assertThrows(AccessDeniedException.class, () -> as(caller, () -> activities.create("X",
                    new ActivityValues("X", null))));
            assertThrows(AccessDeniedException.class, () -> as(caller, () -> activities.update("INIT",
                    new ActivityValues("X", null), null)));
            assertThrows(AccessDeniedException.class, () -> as(caller, () -> activities.addStep("INIT",
                    step(null, TaskType.TODO, "X", null), null)));
            assertThrows(AccessDeniedException.class, () -> as(caller, () -> activities.deleteStep("INIT", 1, null)));
            assertThrows(AccessDeniedException.class, () -> callers.runAs(caller, () -> activities.delete("INIT",
                    null)));
        }
        assertEquals(2, activities.get("INIT").steps().size());
    }

    @Test
    public void everyFaultIsNamedAtOnce() {
        ValidationException refused = assertThrows(ValidationException.class, () -> as(ADMIN,
                () -> activities.create(" ", new ActivityValues("", List.of(
                        step(1, TaskType.TODO, "A", "5X"),
                        step(2, null, "B", null),
                        step(2, TaskType.TODO, "C", null),
                        step(0, TaskType.TODO, "x".repeat(101), null))))));
        assertEquals(List.of("code", "description", "steps[0].dateFormula", "steps[1].type", "steps[2].step",
                "steps[3].step", "steps[3].description"), fields(refused));
        assertTrue(refused.errors().get(4).message(), refused.errors().get(4).message().contains("repeats step 2"));
        assertEquals(List.of(), as(ADMIN, () -> activities.list(null, PageRequest.first())).items());
    }

    @Test
    public void aTakenCodeIsAConflict() {
        createInit();
        assertThrows(ConflictException.class, () -> as(ADMIN, () -> activities.create("INIT",
                new ActivityValues("Again", null))));
    }

    @Test
    public void anUpdateReplacesTheDescriptionAndEveryStep() {
        Activity created = createInit();
        Activity updated = as(ADMIN, () -> activities.update("INIT", new ActivityValues("Initial contact", List.of(
                step(2, TaskType.MEETING, "Meet on site", "2W"), step(3, TaskType.TODO, "Follow up", null))),
                created.version()));
        assertEquals(List.of("2 MEETING Meet on site NORMAL 2W", "3 TODO Follow up NORMAL null"),
                updated.steps().stream().map(ActivityServiceImplTest::describe).toList());
        assertEquals("a change of the steps alone is a change of the activity", 2L, updated.version());
        assertEquals(2, stepRows());
        assertThrows(StaleVersionException.class, () -> as(ADMIN, () -> activities.update("INIT",
                new ActivityValues("Again", null), created.version())));
        List<String> lines = AuditLines.ofKey(dataSource, "INIT");
        assertEquals(2, lines.size());
        assertTrue(lines.get(1), lines.get(1).startsWith("admin UPDATE activity INIT: steps[2]: {description:"
                + " \"Meet\" → \"Meet on site\", dateFormula: \"1W\" → \"2W\"}"));
        assertTrue(lines.get(1), lines.get(1).contains("steps[1] deleted"));
        assertTrue(lines.get(1), lines.get(1).contains("steps[3] added"));
    }

    @Test
    public void anUpdateThatChangesNothingKeepsTheVersion() {
        Activity created = createInit();
        Activity same = as(ADMIN, () -> activities.update("INIT", new ActivityValues("Initial contact", List.of(
                step(2, TaskType.MEETING, "Meet", "1W"),
                new ActivityStepValues(1, TaskType.PHONE_CALL, "Call", TaskPriority.HIGH, null))), null));
        assertEquals(created, same);
        assertEquals(1, AuditLines.ofKey(dataSource, "INIT").size());
    }

    @Test
    public void aStepIsAddedAfterTheLastOneOrUnderItsOwnNumber() {
        createInit();
        Activity added = as(ADMIN, () -> activities.addStep("INIT", step(null, TaskType.TODO, "Send offer", "CM"),
                1L));
        assertEquals(List.of(1, 2, 3), added.steps().stream().map(ActivityStep::step).toList());
        assertEquals("CM", added.steps().get(2).dateFormula());
        assertEquals(2L, added.version());
        Activity numbered = as(ADMIN, () -> activities.addStep("INIT", step(7, TaskType.TODO, "Later", null), null));
        assertEquals(List.of(1, 2, 3, 7), numbered.steps().stream().map(ActivityStep::step).toList());
        ConflictException taken = assertThrows(ConflictException.class, () -> as(ADMIN,
                () -> activities.addStep("INIT", step(2, TaskType.TODO, "Twice", null), null)));
        assertEquals("step", taken.errors().get(0).field());
        ValidationException invalid = assertThrows(ValidationException.class, () -> as(ADMIN,
                () -> activities.addStep("INIT", new ActivityStepValues(null, null, "", null, "1Z"), null)));
        assertEquals(List.of("type", "description", "dateFormula"), fields(invalid));
        assertThrows(NotFoundException.class, () -> as(ADMIN, () -> activities.addStep("NONE",
                step(null, TaskType.TODO, "X", null), null)));
        assertThrows(StaleVersionException.class, () -> as(ADMIN, () -> activities.addStep("INIT",
                step(null, TaskType.TODO, "X", null), 1L)));
    }

    @Test
    public void aStepIsDeleted() {
        createInit();
        Activity left = as(ADMIN, () -> activities.deleteStep("INIT", 1, 1L));
        assertEquals(List.of(2), left.steps().stream().map(ActivityStep::step).toList());
        assertEquals(2L, left.version());
        NotFoundException missing = assertThrows(NotFoundException.class, () -> as(ADMIN,
                () -> activities.deleteStep("INIT", 1, null)));
        assertEquals("activity step INIT/1 does not exist", missing.getMessage());
        assertThrows(NotFoundException.class, () -> as(ADMIN, () -> activities.deleteStep("NONE", 1, null)));
    }

    @Test
    public void deletingAnActivityDeletesItsSteps() {
        createInit();
        callers.runAs(ADMIN, () -> activities.delete("init", 1L));
        assertEquals(Optional.empty(), activities.find("INIT"));
        assertEquals(0, stepRows());
        assertTrue(AuditLines.ofKey(dataSource, "INIT").get(1).startsWith("admin DELETE activity INIT"));
        assertThrows(NotFoundException.class, () -> callers.runAs(ADMIN, () -> activities.delete("INIT", null)));
    }

    @Test
    public void anActivityAStageNamesCannotBeDeleted() {
        createInit();
        UsageCheck stages = key -> key.equals("INIT") ? Optional.of("sales cycle stage STD/1 names it")
                : Optional.empty();
        activities.addUsageCheck(stages, Map.of(UsageCheck.RESOURCE, UsageResources.ACTIVITY,
                UsageCheck.NAME_PROPERTY, "sales-cycle-stages"));
        ConflictException refused = assertThrows(ConflictException.class,
                () -> callers.runAs(ADMIN, () -> activities.delete("INIT", null)));
        assertEquals("activity INIT cannot be deleted: sales cycle stage STD/1 names it", refused.getMessage());
        assertTrue(activities.find("INIT").isPresent());
        assertEquals(2, stepRows());
        activities.removeUsageCheck(stages, Map.of());
        callers.runAs(ADMIN, () -> activities.delete("INIT", null));
        assertFalse(activities.find("INIT").isPresent());
    }

    @Test
    public void theListFiltersByCodeOrDescriptionAndPagesWithTheSteps() {
        createInit();
        as(ADMIN, () -> activities.create("QUALIFY", new ActivityValues("Qualify the lead", null)));
        as(ADMIN, () -> activities.create("CLOSE", new ActivityValues("Closing call", List.of(
                step(1, TaskType.PHONE_CALL, "Call", null)))));
        assertEquals(List.of("CLOSE", "INIT", "QUALIFY"), activities.list(null, PageRequest.first()).items().stream()
                .map(Activity::code).toList());
        // "al" is in INIT's description, QUALIFY's code and CLOSE's description
        assertEquals(List.of("QUALIFY", "INIT", "CLOSE"), activities.list("aL", PageRequest.of(0, 10, "-code"))
                .items().stream().map(Activity::code).toList());
        assertEquals(List.of("QUALIFY"), activities.list(" lead ", PageRequest.first()).items().stream()
                .map(Activity::code).toList());
        var page = activities.list(null, PageRequest.of(1, 1, "code"));
        assertEquals(3, page.total());
        assertEquals(2, page.items().get(0).steps().size());
        assertThrows(ValidationException.class, () -> activities.list(null, PageRequest.of(0, 10, "steps")));
    }
}
