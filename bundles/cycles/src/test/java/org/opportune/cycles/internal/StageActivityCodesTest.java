package org.opportune.cycles.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opportune.api.FieldError;
import org.opportune.api.UnavailableException;
import org.opportune.api.ValidationException;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleValues;
import org.opportune.api.cycle.StageValues;
import org.opportune.api.probability.ProbabilityModel;
import org.opportune.cycles.internal.probability.MultiplyProbabilityModel;
import org.opportune.persistence.SchemaMigrations;
import org.opportune.persistence.ThreadCallerContext;
import org.opportune.persistence.testing.AuditLines;

/**
 * DOMAIN §10: a stage's activity code names an activity of the tasks module. A code a stage takes anew is asked
 * about (400 when unknown, 503 while the tasks module is not running); a code a stage keeps is not, so cycles keep
 * working while the tasks module is stopped. And an activity a stage names cannot be deleted (the usage check).
 */
public class StageActivityCodesTest {
    private final ThreadCallerContext callers = new ThreadCallerContext();
    private final FakeActivityService activities = new FakeActivityService("INIT", "PRESENT", "PROPOSAL");
    private EmbeddedDataSource dataSource;
    private SalesCycleServiceImpl service;

    @Before
    public void start() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        service = new SalesCycleServiceImpl(dataSource, callers, new SchemaMigrations());
        ProbabilityModel multiply = new MultiplyProbabilityModel();
        service.addProbabilityModel(multiply, Map.of(ProbabilityModel.NAME_PROPERTY, multiply.name()));
        service.addActivityService(activities);
    }

    @After
    public void stop() {
        service.close();
    }

    private static StageValues stage(int number, String activityCode) {
        return StageValues.builder(number).description("Stage " + number).completedPercent(BigDecimal.TEN)
                .chancesOfSuccessPercent(BigDecimal.TEN).activityCode(activityCode).build();
    }

    /** The stage with another {@code maxDaysIdle}. */
    private static StageValues idle(StageValues stage, Integer maxDaysIdle) {
        return StageValues.builder(stage.stage()).description(stage.description())
                .completedPercent(stage.completedPercent()).chancesOfSuccessPercent(stage.chancesOfSuccessPercent())
                .activityCode(stage.activityCode()).quoteRequired(stage.quoteRequired()).allowSkip(stage.allowSkip())
                .dateFormula(stage.dateFormula()).maxDaysIdle(maxDaysIdle).build();
    }

    private static SalesCycleValues cycle(StageValues... stages) {
        return SalesCycleValues.builder().description("Standard").stages(List.of(stages)).build();
    }

    private SalesCycle std() {
        return service.create("STD", cycle(stage(1, "init"), stage(2, null), stage(3, "PROPOSAL")));
    }

    private void tasksModuleStops() {
        service.removeActivityService(activities);
    }

    private static List<StageValues> valuesOf(SalesCycle cycle) {
        return new ArrayList<>(cycle.stages().stream().map(stage -> StageValues.from(stage).build()).toList());
    }

    // --- creating

    @Test
    public void aCycleWhoseStagesNameActivitiesIsCreated() {
        SalesCycle created = std();
        assertEquals("INIT", created.stages().get(0).activityCode());
        assertNull(created.stages().get(1).activityCode());
        assertEquals("PROPOSAL", created.stages().get(2).activityCode());
        assertEquals(List.of("INIT", "PROPOSAL"), activities.lookups());
    }

    @Test
    public void anUnknownCodeIsAFieldErrorNamedWithTheOtherFaultsAndNothingIsWritten() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create("STD", cycle(
                stage(1, "INIT"), stage(2, "nope"), idle(stage(3, "NOPE"), 0))));
        assertEquals(List.of(new FieldError("stages[2].maxDaysIdle", "must be 1 or more, or empty for no limit (got 0)"),
                new FieldError("stages[1].activityCode", "no activity NOPE"),
                new FieldError("stages[2].activityCode", "no activity NOPE")), e.errors());
        assertFalse(service.find("STD").isPresent());
        assertEquals(List.of(), AuditLines.of(dataSource));
    }

    @Test
    public void aTooLongCodeIsRefusedForItsLengthWithoutAskingTheTasksModule() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.create("STD", cycle(stage(1, "A".repeat(11)))));
        assertEquals(List.of("stages[0].activityCode"), e.errors().stream().map(FieldError::field).toList());
        assertEquals(List.of(), activities.lookups());
    }

    @Test
    public void whileTheTasksModuleIsStoppedACycleNamingAnActivityIsRefusedWith503AndNothingIsWritten() {
        tasksModuleStops();
        UnavailableException e = assertThrows(UnavailableException.class, () -> std());
        assertTrue(e.getMessage(), e.getMessage().startsWith(
                "the tasks module is not available: activity codes cannot be checked (INIT, PROPOSAL)"));
        assertFalse(service.find("STD").isPresent());
        assertEquals(List.of(), AuditLines.of(dataSource));
        // a cycle naming no activity needs no tasks module
        assertEquals(2, service.create("PLAIN", cycle(stage(1, null), stage(2, " "))).stages().size());
    }

    // --- changing

    @Test
    public void whileTheTasksModuleIsStoppedStagesThatKeepTheirCodesAreChangedAsUsual() {
        SalesCycle created = std();
        tasksModuleStops();
        List<StageValues> stages = valuesOf(created);
        stages.set(0, StageValues.from(created.stages().get(0)).description("First call").activityCode(" init ")
                .maxDaysIdle(14).build());
        stages.set(1, StageValues.from(created.stages().get(1)).activityCode(null).build());
        stages.set(2, StageValues.from(created.stages().get(2)).activityCode(null).build()); // cleared
        stages.add(stage(4, null));

        SalesCycle updated = service.update("STD", SalesCycleValues.from(created).stages(stages).build(), null);
        assertEquals("First call", updated.stages().get(0).description());
        assertEquals("INIT", updated.stages().get(0).activityCode());
        assertNull(updated.stages().get(2).activityCode());
        assertEquals(4, updated.stages().size());

        assertEquals("Again", service.replaceStage("STD", StageValues.from(updated.stages().get(0))
                .description("Again").build(), null).description());
        assertEquals(5, service.addStage("STD", stage(5, null), null).stage());
        assertEquals("cycle fields alone", "Std", service.update("STD", SalesCycleValues.from(service.get("STD"))
                .description("Std").stages(null).build(), null).description());
        assertEquals(List.of("INIT", "PROPOSAL"), activities.lookups()); // only when created
    }

    @Test
    public void whileTheTasksModuleIsStoppedNoStageTakesACodeAnew() {
        SalesCycle created = std();
        tasksModuleStops();
        List<String> lines = AuditLines.of(dataSource);

        List<StageValues> stages = valuesOf(created);
        stages.set(1, StageValues.from(created.stages().get(1)).activityCode("PRESENT").build());
        assertThrows(UnavailableException.class, () -> service.update("STD",
                SalesCycleValues.from(created).description("Changed").stages(stages).build(), null));
        assertThrows(UnavailableException.class, () -> service.replaceStage("STD",
                StageValues.from(created.stages().get(0)).activityCode("PROPOSAL").build(), null));
        assertThrows(UnavailableException.class, () -> service.addStage("STD", stage(4, "INIT"), null));

        assertEquals(created, service.get("STD"));
        assertEquals(lines, AuditLines.of(dataSource));
    }

    @Test
    public void aStageTakingAnUnknownCodeIsRefusedWithItsFieldAndAKnownOneIsTaken() {
        SalesCycle created = std();
        List<StageValues> stages = valuesOf(created);
        stages.set(1, StageValues.from(created.stages().get(1)).activityCode("GONE").build());
        stages.add(stage(4, "present"));
        ValidationException e = assertThrows(ValidationException.class, () -> service.update("STD",
                SalesCycleValues.from(created).stages(stages).build(), null));
        assertEquals(List.of(new FieldError("stages[1].activityCode", "no activity GONE")), e.errors());

        e = assertThrows(ValidationException.class, () -> service.replaceStage("STD",
                StageValues.from(created.stages().get(0)).activityCode("gone").build(), null));
        assertEquals(List.of(new FieldError("activityCode", "no activity GONE")), e.errors());
        e = assertThrows(ValidationException.class, () -> service.addStage("STD",
                idle(stage(4, "GONE"), -1), null));
        assertEquals(List.of(new FieldError("maxDaysIdle", "must be 1 or more, or empty for no limit (got -1)"),
                new FieldError("activityCode", "no activity GONE")), e.errors());
        assertEquals(created, service.get("STD"));

        stages.set(1, StageValues.from(created.stages().get(1)).activityCode("PRESENT").build());
        SalesCycle updated = service.update("STD", SalesCycleValues.from(created).stages(stages).build(), null);
        assertEquals("PRESENT", updated.stages().get(1).activityCode());
        assertEquals("PRESENT", updated.stages().get(3).activityCode());
        assertEquals("PROPOSAL", service.replaceStage("STD", StageValues.from(created.stages().get(0))
                .activityCode("proposal").build(), null).activityCode());
        assertEquals("INIT", service.addStage("STD", stage(5, "INIT"), null).activityCode());
    }

    @Test
    public void anActivityDeletedSinceAStageNamedItDoesNotBlockTheStage() {
        SalesCycle created = std();
        activities.remove("PROPOSAL"); // as an upgrade may leave it: the stage keeps its code
        assertEquals("Offer", service.replaceStage("STD", StageValues.from(created.stages().get(2))
                .description("Offer").build(), null).description());
        List<StageValues> stages = valuesOf(service.get("STD"));
        stages.set(0, StageValues.from(created.stages().get(0)).maxDaysIdle(30).build());
        assertEquals(Integer.valueOf(30), service.update("STD", SalesCycleValues.from(created).stages(stages).build(),
                null).stages().get(0).maxDaysIdle());
    }

    @Test
    public void aNewerActivityServiceIsTakenUpAndTheOldOnesGoingLeavesIt() {
        FakeActivityService newer = new FakeActivityService("INIT");
        service.addActivityService(newer); // greedy: bound before the old one is unbound
        service.removeActivityService(activities);
        assertEquals("INIT", service.addStage(service.create("STD", cycle()).code(), stage(1, "INIT"), null)
                .activityCode());
        assertEquals(List.of("INIT"), newer.lookups());
        assertEquals(List.of(), activities.lookups());

        service.removeActivityService(newer);
        assertThrows(UnavailableException.class, () -> service.addStage("STD", stage(2, "INIT"), null));
    }

    // --- the usage check of activities

    @Test
    public void theUsageCheckNamesEveryStageThatNamesTheActivity() {
        std();
        service.create("NEW", cycle(stage(1, "INIT"), stage(7, "INIT")));
        ActivityUsage usage = new ActivityUsage(dataSource);

        assertEquals(Optional.of("sales cycle stages NEW/1, NEW/7, STD/1 name it"), usage.usageOf(" init "));
        assertEquals(Optional.of("sales cycle stage STD/3 names it"), usage.usageOf("PROPOSAL"));
        assertEquals(Optional.empty(), usage.usageOf("PRESENT"));
        assertEquals(Optional.empty(), usage.usageOf(" "));
        assertEquals(Optional.empty(), usage.usageOf(null));

        service.replaceStage("STD", StageValues.from(service.getStage("STD", 3)).activityCode(null).build(), null);
        assertEquals(Optional.empty(), usage.usageOf("PROPOSAL"));
        service.delete("NEW", null);
        assertEquals(Optional.of("sales cycle stage STD/1 names it"), usage.usageOf("INIT"));
    }
}
