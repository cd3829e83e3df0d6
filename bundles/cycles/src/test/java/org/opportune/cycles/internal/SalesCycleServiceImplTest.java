package org.opportune.cycles.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opportune.api.AccessDeniedException;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
import org.opportune.api.UsageCheck;
import org.opportune.api.ValidationException;
import org.opportune.api.caller.Caller;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleQuery;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.cycle.SalesCycleValues;
import org.opportune.api.cycle.StageValues;
import org.opportune.api.probability.ProbabilityModel;
import org.opportune.cycles.internal.probability.AddProbabilityModel;
import org.opportune.cycles.internal.probability.ChancesOfSuccessProbabilityModel;
import org.opportune.cycles.internal.probability.CompletedProbabilityModel;
import org.opportune.cycles.internal.probability.MultiplyProbabilityModel;
import org.opportune.persistence.SchemaMigrations;
import org.opportune.persistence.ThreadCallerContext;
import org.opportune.persistence.testing.AuditLines;
import org.opportune.persistence.testing.ChangelogSchema;

public class SalesCycleServiceImplTest {

    @Test
    public void theSalesCyclesChangelogKeepsToLiquibasesSchema() {
        ChangelogSchema.assertValid(getClass().getClassLoader(), SchemaMigrations.changelogOf("opportune-cycles"));
    }

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final Caller ANNA = Caller.user("anna", Set.of("opportune-admin"));
    private static final Caller BEN = Caller.user("ben", Set.of("opportune-admin"));
    private final ThreadCallerContext callers = new ThreadCallerContext();
    private EmbeddedDataSource dataSource;
    private SalesCycleServiceImpl service;
    /** The activities the tests' stages name. */
    private final FakeActivityService activities = new FakeActivityService("CALL", "DEMO", "VISIT");

    @Before
    public void start() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        service = new SalesCycleServiceImpl(dataSource, callers, new SchemaMigrations());
        for (ProbabilityModel model : List.of(new MultiplyProbabilityModel(), new AddProbabilityModel(),
                new ChancesOfSuccessProbabilityModel(), new CompletedProbabilityModel())) {
            service.addProbabilityModel(model, Map.of(ProbabilityModel.NAME_PROPERTY, model.name()));
        }
        service.addActivityService(activities);
    }

    @After
    public void stop() {
        service.close();
    }

    private static StageValues stage(Integer number, String description, String completed, String chances,
            String formula, boolean allowSkip) {
        return StageValues.builder(number).description(description)
                .completedPercent(completed == null ? null : new BigDecimal(completed))
                .chancesOfSuccessPercent(chances == null ? null : new BigDecimal(chances)).allowSkip(allowSkip)
                .dateFormula(formula).build();
    }

    /** The stage with another {@code maxDaysIdle}. */
    private static StageValues idle(StageValues stage, Integer maxDaysIdle) {
        return StageValues.builder(stage.stage()).description(stage.description())
                .completedPercent(stage.completedPercent()).chancesOfSuccessPercent(stage.chancesOfSuccessPercent())
                .activityCode(stage.activityCode()).quoteRequired(stage.quoteRequired()).allowSkip(stage.allowSkip())
                .dateFormula(stage.dateFormula()).maxDaysIdle(maxDaysIdle).build();
    }

    private static StageValues stage(int number) {
        return stage(number, "Stage " + number, "10", "20", null, false);
    }

    /** A stage as read back after its creation, without activity code or quote (and its last change left out). */
    private static SalesCycleStage storedStage(int number, String description, String completed, String chances,
            boolean allowSkip, String formula) {
        return storedStage(number, description, completed, chances, null, false, allowSkip, formula, 1L);
    }

    /** A stage as read back, its last change left out. */
    private static SalesCycleStage storedStage(int number, String description, String completed, String chances,
            String activityCode, boolean quoteRequired, boolean allowSkip, String formula, long version) {
        return new SalesCycleStageView(number, description, new BigDecimal(completed), new BigDecimal(chances),
                activityCode, null, quoteRequired, allowSkip, formula, version, null, null);
    }

    /** A stage without its last change, to compare with {@link #storedStage}. */
    private static SalesCycleStage unstamped(SalesCycleStage stage) {
        return new SalesCycleStageView(stage.stage(), stage.description(), stage.completedPercent(),
                stage.chancesOfSuccessPercent(), stage.activityCode(), stage.maxDaysIdle(), stage.quoteRequired(),
                stage.allowSkip(), stage.dateFormula(), stage.version(), null, null);
    }

    /** The cycle of DOMAIN §9, created as {@code std}. */
    private static SalesCycleValues std() {
        return values("Standard", "MULTIPLY", false, List.of(
                stage(1, "Initial", "10", "20", "5D", false),
                stage(2, "Presentation", "30", "40", "10D", true),
                stage(3, "Proposal", "60", "50", "7D", true),
                stage(4, "Negotiation", "80", "75", "14D", false)));
    }

    private static SalesCycleValues values(String description, String probabilityCalculation, boolean blocked,
            List<StageValues> stages) {
        return SalesCycleValues.builder().description(description).probabilityCalculation(probabilityCalculation)
                .blocked(blocked).stages(stages).build();
    }

    private static SalesCycleValues cycle(String code, List<StageValues> stages) {
        return values("Cycle " + code, null, false, stages);
    }

    /** The values of a cycle as read, with the given stages. */
    private static SalesCycleValues withStages(SalesCycle cycle, List<SalesCycleStage> stages) {
        return SalesCycleValues.from(cycle).stages(stages.stream().map(stage -> StageValues.from(stage).build()).toList())
                .build();
    }

    private static List<Integer> numbers(SalesCycle cycle) {
        return cycle.stages().stream().map(SalesCycleStage::stage).toList();
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    // --- create and read

    @Test
    public void theStandardCycleIsCreatedWithItsStagesInOneCallAndReadBack() {
        SalesCycle created = service.create("std", std());

        assertEquals("STD", created.code());
        assertEquals("Standard", created.description());
        assertEquals("MULTIPLY", created.probabilityCalculation());
        assertFalse(created.blocked());
        assertTrue(created.probabilityModelAvailable());
        assertEquals(1L, created.version());
        assertEquals(List.of(
                storedStage(1, "Initial", "10", "20", false, "5D"),
                storedStage(2, "Presentation", "30", "40", true, "10D"),
                storedStage(3, "Proposal", "60", "50", true, "7D"),
                storedStage(4, "Negotiation", "80", "75", false, "14D")),
                created.stages().stream().map(SalesCycleServiceImplTest::unstamped).toList());
        assertEquals(created, service.get("std"));
        assertEquals(created, service.find(" Std ").orElseThrow());
        assertEquals(created.stages().get(2), service.getStage("std", 3));
    }

    @Test
    public void stagesAreOrderedByNumberWithGapsAllowed() {
        SalesCycle created = service.create("GAPS", cycle("GAPS", List.of(stage(30), stage(10), stage(20), stage(1))));
        assertEquals(List.of(1, 10, 20, 30), numbers(created));
        assertEquals(List.of(1, 10, 20, 30), numbers(service.get("GAPS")));
    }

    @Test
    public void defaultsAndNormalisation() {
        SalesCycle created = service.create(" new ", values(null, " ", false, List.of(
                StageValues.builder(1).activityCode(" call ").quoteRequired(true).dateFormula(" 1m + cm ").build())));
        assertEquals("NEW", created.code());
        assertNull(created.description());
        assertEquals("MULTIPLY", created.probabilityCalculation());
        SalesCycleStage first = created.stages().get(0);
        assertEquals(0, first.completedPercent().signum());
        assertEquals(0, first.chancesOfSuccessPercent().signum());
        assertEquals("CALL", first.activityCode());
        assertTrue(first.quoteRequired());
        assertEquals("1M+CM", first.dateFormula());

        SalesCycle none = service.create("NONE", values(null, "add", false, null));
        assertEquals(List.of(), none.stages());
        assertEquals("ADD", none.probabilityCalculation()); // spelled as the model spells it
    }

    @Test
    public void percentagesKeepTheirValueAndBoundsAreInclusive() {
        SalesCycle created = service.create("PCT", cycle("PCT", List.of(stage(1, null, "0", "100", null, false),
                stage(2, null, "12.34567", "99.50", "", false))));
        assertEquals(new BigDecimal("100"), created.stages().get(0).chancesOfSuccessPercent());
        assertEquals(BigDecimal.ZERO, created.stages().get(0).completedPercent());
        assertEquals(new BigDecimal("12.34567"), created.stages().get(1).completedPercent());
        assertEquals(new BigDecimal("99.5"), created.stages().get(1).chancesOfSuccessPercent());
        assertNull(created.stages().get(1).dateFormula());
    }

    @Test
    public void createRefusesATakenCode() {
        service.create("std", std());
        ConflictException e = assertThrows(ConflictException.class, () -> service.create("Std", cycle("Std", List.of())));
        assertEquals(List.of(new FieldError("code", "is taken by an existing sales cycle")), e.errors());
    }

    @Test
    public void createNamesEveryFieldErrorAsTheClientSentIt() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create("TOO-LONG-CODE",
                values("D".repeat(101), "MULTIPLY", false, Arrays.asList(
                        StageValues.builder(0).description("S".repeat(101)).completedPercent(new BigDecimal("-1"))
                                .chancesOfSuccessPercent(new BigDecimal("100.01")).activityCode("A".repeat(11))
                                .dateFormula("5X").build(),
                        stage(2, null, "101", "50", "1M-CM", false),
                        null,
                        stage(null, null, "1.123456", null, null, false)))));
        assertEquals(List.of("code", "description",
                "stages[0].stage", "stages[0].description", "stages[0].completedPercent",
                "stages[0].chancesOfSuccessPercent", "stages[0].activityCode", "stages[0].dateFormula",
                "stages[1].completedPercent", "stages[1].dateFormula",
                "stages[2]",
                "stages[3].stage", "stages[3].completedPercent"), fields(e));
        assertEquals(new FieldError("stages[1].completedPercent", "must be between 0 and 100 (got 101)"),
                e.errors().get(8));
        assertTrue(e.errors().get(9).message(), e.errors().get(9).message().contains("-CM at position 3"));
        assertEquals(new FieldError("stages[3].completedPercent", "must have at most 5 decimals"), e.errors().get(12));
        assertTrue(service.list(SalesCycleQuery.all(), PageRequest.first()).items().isEmpty());
    }

    @Test
    public void duplicateStageNumbersAreNamed() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.create("DUP", cycle("DUP", List.of(stage(1), stage(2), stage(1), stage(2)))));
        assertEquals(List.of(new FieldError("stages[2].stage", "repeats stage 1 of stages[0]"),
                new FieldError("stages[3].stage", "repeats stage 2 of stages[1]")), e.errors());
        assertFalse(service.find("DUP").isPresent());
    }

    @Test
    public void aDateFormulaLongerThan32CharactersWrittenCanonicallyIsRefused() {
        String formula = "1D+".repeat(10) + "10D"; // 33 characters
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.create("LONG", cycle("LONG", List.of(stage(1, null, null, null, formula, false)))));
        assertEquals("stages[0].dateFormula", e.errors().get(0).field());
        assertEquals(32, service.create("FITS", cycle("FITS", List.of(stage(1, null, null, null, " 1d + ".repeat(10) + "1d",
                false)))).stages().get(0).dateFormula().length());
    }

    @Test
    public void codeMustBeUsableInAPath() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create("A/B", cycle("A/B", null)));
        assertEquals(List.of("code"), fields(e));
    }

    // --- probability models named by cycles

    @Test
    public void anUnknownModelIsRefusedListingTheInstalledOnes() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.create("X", values(null, "WEIGHTED", false, null)));
        assertEquals(List.of(new FieldError("probabilityCalculation", "names probability model WEIGHTED, which is"
                + " not installed; installed: ADD, CHANCES_OF_SUCCESS, COMPLETED, MULTIPLY")), e.errors());
    }

    @Test
    public void withoutAnyModelNoneIsListed() {
        SalesCycleServiceImpl bare = new SalesCycleServiceImpl(dataSource, callers, new SchemaMigrations());
        try {
            ValidationException e = assertThrows(ValidationException.class, () -> bare.create("X", cycle("X", null)));
            assertTrue(e.errors().get(0).message(), e.errors().get(0).message().endsWith("installed: none"));
        } finally {
            bare.close();
        }
    }

    @Test
    public void aCycleWhoseModelWentAwayReadsFineButCannotCompute() {
        ProbabilityModel weighted = FixedProbabilityModel.constant("Weighted", "42");
        service.addProbabilityModel(weighted, Map.of(ProbabilityModel.NAME_PROPERTY, "Weighted"));
        SalesCycle created = service.create("W", values(null, "weighted", false, List.of(stage(1))));
        assertEquals("Weighted", created.probabilityCalculation());
        assertEquals(new BigDecimal("42"), service.probability("w", BigDecimal.TEN, BigDecimal.ONE));

        service.removeProbabilityModel(weighted, Map.of());
        SalesCycle read = service.get("W");
        assertFalse(read.probabilityModelAvailable());
        assertEquals(List.of(1), numbers(read));
        assertFalse(service.list(SalesCycleQuery.all(), PageRequest.first()).items().get(0).probabilityModelAvailable());
        UnavailableException e = assertThrows(UnavailableException.class,
                () -> service.probability("W", BigDecimal.TEN, BigDecimal.ONE));
        assertTrue(e.getMessage(), e.getMessage().startsWith("probability model Weighted is not available"));
        assertThrows(UnavailableException.class, () -> service.probabilityModel("W"));

        // other edits keep working, the name stays; changing to another unknown one is refused
        SalesCycle blocked = service.update("W", SalesCycleValues.from(read).blocked(true).build(), read.version());
        assertTrue(blocked.blocked());
        assertEquals("Weighted", blocked.probabilityCalculation());
        ValidationException unknown = assertThrows(ValidationException.class, () -> service.update("W",
                values(null, "OTHER", true, null), null));
        assertEquals(List.of("probabilityCalculation"), fields(unknown));

        service.addProbabilityModel(weighted, Map.of(ProbabilityModel.NAME_PROPERTY, "Weighted"));
        assertTrue(service.get("W").probabilityModelAvailable());
        assertEquals(new BigDecimal("42"), service.probability("W", BigDecimal.TEN, BigDecimal.ONE));
    }

    @Test
    public void probabilityUsesTheCyclesModel() {
        service.create("std", std());
        service.create("ADDS", values(null, "ADD", false, null));
        assertEquals(0, new BigDecimal("2.5").compareTo(service.probability("STD", BigDecimal.TEN,
                new BigDecimal("25"))));
        assertEquals(0, new BigDecimal("33").compareTo(service.probability("std", new BigDecimal("60"),
                new BigDecimal("55"))));
        assertEquals(0, new BigDecimal("17.5").compareTo(service.probability("ADDS", BigDecimal.TEN,
                new BigDecimal("25"))));
        ProbabilityModel model = service.probabilityModel("STD");
        assertEquals("MULTIPLY", model.name());
        assertEquals(0, new BigDecimal("12").compareTo(model.probability(new BigDecimal("30"), new BigDecimal("40"))));
        assertThrows(NotFoundException.class, () -> service.probability("NOPE", BigDecimal.ONE, BigDecimal.ONE));
    }

    @Test
    public void aHigherRankedModelOfTheSameNameReplacesABuiltInOne() {
        service.create("std", std());
        ProbabilityModel better = FixedProbabilityModel.constant("MULTIPLY", "99");
        service.addProbabilityModel(better, Map.of(ProbabilityModel.NAME_PROPERTY, "MULTIPLY", "service.ranking", 10));
        assertEquals(new BigDecimal("99"), service.probability("STD", BigDecimal.TEN, BigDecimal.TEN));
        service.removeProbabilityModel(better, Map.of());
        assertEquals(0, BigDecimal.ONE.compareTo(service.probability("STD", BigDecimal.TEN, BigDecimal.TEN)));
    }

    @Test
    public void aModelThatFailsOrGivesAWrongNumberIsReportedNotUsed() {
        for (FixedProbabilityModel faulty : List.of(FixedProbabilityModel.constant("NULLS", null),
                FixedProbabilityModel.constant("OVER", "100.01"), FixedProbabilityModel.constant("UNDER", "-1"),
                new FixedProbabilityModel("THROWS", (a, b) -> {
                    throw new ArithmeticException("boom");
                }))) {
            service.addProbabilityModel(faulty, Map.of(ProbabilityModel.NAME_PROPERTY, faulty.name()));
            service.create(faulty.name(), values(null, faulty.name(), false, null));
            UnavailableException e = assertThrows(UnavailableException.class,
                    () -> service.probability(faulty.name(), BigDecimal.TEN, BigDecimal.TEN));
            assertTrue(e.getMessage(), e.getMessage().startsWith("probability model " + faulty.name()));
        }
    }

    @Test
    public void installedModelsAreListed() {
        assertEquals(List.of("ADD", "CHANCES_OF_SUCCESS", "COMPLETED", "MULTIPLY"),
                service.probabilityModels().stream().map(info -> info.name()).toList());
        assertEquals("chances of success × completed / 100", service.probabilityModels().get(3).description());
    }

    // --- update of the whole cycle

    @Test
    public void aCycleReadOnceReflectsEveryLaterWriteAndModelChange() {
        service.create("std", std());
        SalesCycle first = service.get("STD"); // now cached
        assertEquals(first, service.get("STD"));

        SalesCycle renamed = service.update("STD", values("Renamed", "MULTIPLY", false, null),
                first.version());
        assertEquals("Renamed", service.get("STD").description());
        service.addStage("STD", stage(5), renamed.version());
        assertEquals(5, service.get("STD").stages().size());
        service.replaceStage("STD", stage(5, "Fifth", "90", "90", null, false), 1L);
        assertEquals("Fifth", service.get("STD").stages().get(4).description());
        service.deleteStage("STD", 5, 2L);
        assertEquals(4, service.get("STD").stages().size());

        ProbabilityModel half = new FixedProbabilityModel("HALF", (completed, chances) -> chances.divide(TWO));
        service.addProbabilityModel(half, Map.of(ProbabilityModel.NAME_PROPERTY, "HALF"));
        service.update("STD", values("Renamed", "HALF", false, null), null);
        assertTrue(service.get("STD").probabilityModelAvailable());
        service.removeProbabilityModel(half, Map.of());
        assertFalse(service.get("STD").probabilityModelAvailable());
        service.addProbabilityModel(half, Map.of(ProbabilityModel.NAME_PROPERTY, "HALF"));
        assertTrue(service.get("STD").probabilityModelAvailable());

        service.delete("STD", null);
        assertEquals(Optional.empty(), service.find("STD"));
    }

    @Test
    public void updateReplacesFieldsAndKeepsStagesWhenNoneAreGiven() {
        service.create("std", std());
        SalesCycle updated = service.update("std", values("Standard cycle", "ADD", true, null), 1L);
        assertEquals("Standard cycle", updated.description());
        assertEquals("ADD", updated.probabilityCalculation());
        assertTrue(updated.blocked());
        assertEquals(List.of(1, 2, 3, 4), numbers(updated));
        assertEquals(2L, updated.version());
        assertEquals(updated, service.get("STD"));
    }

    @Test
    public void updateWithStagesReplacesTheStageList() {
        SalesCycle created = service.create("std", std());
        List<SalesCycleStage> stages = new ArrayList<>(created.stages());
        stages.remove(3); // stage 4 goes
        List<StageValues> given = new ArrayList<>(stages.stream().map(stage -> StageValues.from(stage).build()).toList());
        given.set(1, StageValues.builder(2).description("Demo").completedPercent(new BigDecimal("35"))
                .chancesOfSuccessPercent(new BigDecimal("40")).activityCode("DEMO").quoteRequired(true).allowSkip(true)
                .dateFormula("2w").build()); // stage 2 changes
        given.add(stage(5, "Contract", "90", "90", "CM", false)); // stage 5 is new

        SalesCycle updated = service.update("STD", SalesCycleValues.from(created).stages(given).build(), 1L);

        assertEquals(List.of(1, 2, 3, 5), numbers(updated));
        assertEquals(2L, updated.version()); // one change, one step
        assertEquals(created.stages().get(0), updated.stages().get(0)); // unchanged stage keeps its version
        assertEquals(storedStage(2, "Demo", "35", "40", "DEMO", true, true, "2W", 2L), unstamped(updated.stages().get(1)));
        assertEquals(1L, updated.stages().get(3).version());
        assertFalse(service.findStage("STD", 4).isPresent());
        assertEquals(updated, service.get("STD"));
    }

    @Test
    public void aStageChangeAloneRaisesTheCyclesVersion() {
        SalesCycle created = service.create("std", std());
        List<SalesCycleStage> stages = new ArrayList<>(created.stages());
        List<StageValues> given = new ArrayList<>(stages.stream().map(stage -> StageValues.from(stage).build()).toList());
        given.set(0, stage(1, "Initial", "10", "25", "5D", false));
        SalesCycle updated = service.update("STD", SalesCycleValues.from(created).stages(given).build(),
                created.version());
        assertEquals(2L, updated.version());
        assertEquals(2L, service.get("STD").version());
    }

    @Test
    public void anUnchangedUpdateKeepsTheVersion() {
        SalesCycle created = service.create("std", std());
        assertEquals(1L, service.update("STD", withStages(created, created.stages()), 1L).version());
        assertEquals(1L, service.update("STD", SalesCycleValues.from(created).build(), 1L).version());
        assertEquals(created, callers.callAs(BEN, () -> service.update("STD", withStages(created, created.stages()),
                null))); // nor does the last change move
    }

    @Test
    public void emptyStagesRemoveEveryStage() {
        service.create("std", std());
        SalesCycle updated = service.update("STD", cycle("STD", List.of()), null);
        assertEquals(List.of(), updated.stages());
        assertEquals(2L, updated.version());
    }

    @Test
    public void updateWithStaleVersionChangesNothing() {
        service.create("std", std());
        service.update("STD", values("Second", null, false, null), 1L);
        assertThrows(StaleVersionException.class,
                () -> service.update("STD", values("Third", null, false, List.of()), 1L));
        assertEquals("Second", service.get("STD").description());
        assertEquals(4, service.get("STD").stages().size());
    }

    @Test
    public void updateOfUnknownIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> service.update("NOPE", cycle(null, null),
                null));
        assertEquals("sales cycle", e.resource());
        assertEquals("NOPE", e.key());
    }

    @Test
    public void updateCannotDropAStageInUse() {
        SalesCycle created = service.create("std", std());
        List<String> asked = new ArrayList<>();
        UsageCheck activeEntries = key -> {
            asked.add(key);
            return key.equals("STD/2") ? Optional.of("2 opportunities stand at stage 2") : Optional.empty();
        };
        service.addStageUsageCheck(activeEntries, named("active-entries"));

        List<SalesCycleStage> stages = List.of(created.stages().get(0), created.stages().get(3));
        ConflictException e = assertThrows(ConflictException.class, () -> service.update("STD",
                SalesCycleValues.builder().description("Changed").stages(withStages(created, stages).stages()).build(),
                null));
        assertEquals("sales cycle stage STD/2 cannot be deleted: 2 opportunities stand at stage 2", e.getMessage());
        assertEquals(List.of("STD/2"), asked);
        assertEquals(created, service.get("STD"));

        // dropping only stage 3 is fine; kept stages are not asked about
        asked.clear();
        SalesCycle updated = service.update("STD", withStages(created, List.of(created.stages().get(0),
                created.stages().get(1), created.stages().get(3))), null);
        assertEquals(List.of(1, 2, 4), numbers(updated));
        assertEquals(List.of("STD/3"), asked);
    }

    // --- single stages

    @Test
    public void addStageRaisesTheCyclesVersion() {
        service.create("std", std());
        SalesCycleStage added = service.addStage("std", stage(5, "Contract", "95", "90", "cy", false), 1L);
        assertEquals(storedStage(5, "Contract", "95", "90", false, "CY"), unstamped(added));
        SalesCycle read = service.get("STD");
        assertEquals(List.of(1, 2, 3, 4, 5), numbers(read));
        assertEquals(2L, read.version());
    }

    @Test
    public void addStageRefusals() {
        service.create("std", std());
        ConflictException taken = assertThrows(ConflictException.class, () -> service.addStage("STD", stage(2), null));
        assertEquals(List.of(new FieldError("stage", "is taken by an existing stage of sales cycle STD")),
                taken.errors());
        ValidationException invalid = assertThrows(ValidationException.class, () -> service.addStage("STD",
                StageValues.builder(null).completedPercent(new BigDecimal("200")).dateFormula("xx").build(), null));
        assertEquals(List.of("stage", "completedPercent", "dateFormula"), fields(invalid));
        assertThrows(StaleVersionException.class, () -> service.addStage("STD", stage(7), 9L));
        assertThrows(NotFoundException.class, () -> service.addStage("NOPE", stage(7), null));
        assertEquals(1L, service.get("STD").version());
    }

    @Test
    public void replaceStageChangesItsValuesAndBothVersions() {
        service.create("std", std());
        SalesCycleStage replaced = service.replaceStage("STD", stage(3, "Offer", "65", "55", "1w", true), 1L);
        assertEquals(storedStage(3, "Offer", "65", "55", null, false, true, "1W", 2L), unstamped(replaced));
        assertEquals(replaced, service.getStage("STD", 3));
        assertEquals(2L, service.get("STD").version());
        // the same values again change nothing
        assertEquals(replaced, service.replaceStage("STD", StageValues.from(replaced).build(), 2L));
        assertEquals(2L, service.get("STD").version());
    }

    @Test
    public void replaceStageRefusals() {
        service.create("std", std());
        ValidationException invalid = assertThrows(ValidationException.class, () -> service.replaceStage("STD",
                StageValues.builder(3).chancesOfSuccessPercent(new BigDecimal("-5")).build(), null));
        assertEquals(List.of(new FieldError("chancesOfSuccessPercent", "must be between 0 and 100 (got -5)")),
                invalid.errors());
        assertEquals(List.of(new FieldError("stage", "is required")), assertThrows(ValidationException.class,
                () -> service.replaceStage("STD", stage(null, null, null, null, null, false), null)).errors());
        assertThrows(StaleVersionException.class, () -> service.replaceStage("STD", stage(3), 2L));
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> service.replaceStage("STD", stage(9), null));
        assertEquals("sales cycle stage", missing.resource());
        assertEquals("STD/9", missing.key());
        assertThrows(NotFoundException.class, () -> service.replaceStage("NOPE", stage(1), null));
        assertEquals(std().stages().get(2).description(), service.getStage("STD", 3).description());
    }

    @Test
    public void deleteStageConsultsUsageChecks() {
        service.create("std", std());
        UsageCheck activeEntries = key -> Optional.of("opportunity OP000001 stands at stage " + key);
        service.addStageUsageCheck(activeEntries, named("active-entries"));
        ConflictException e = assertThrows(ConflictException.class, () -> service.deleteStage("std", 2, null));
        assertEquals("sales cycle stage STD/2 cannot be deleted: opportunity OP000001 stands at stage STD/2",
                e.getMessage());
        service.removeStageUsageCheck(activeEntries, Map.of());

        assertThrows(StaleVersionException.class, () -> service.deleteStage("STD", 2, 5L));
        service.deleteStage("STD", 2, 1L);
        assertEquals(List.of(1, 3, 4), numbers(service.get("STD")));
        assertEquals(2L, service.get("STD").version());
        assertThrows(NotFoundException.class, () -> service.deleteStage("STD", 2, null));
    }

    @Test
    public void findAndGetStage() {
        service.create("std", std());
        assertEquals("Proposal", service.findStage("std", 3).orElseThrow().description());
        assertFalse(service.findStage("STD", 9).isPresent());
        assertFalse(service.findStage("NOPE", 1).isPresent());
        assertFalse(service.findStage(null, 1).isPresent());
        NotFoundException noCycle = assertThrows(NotFoundException.class, () -> service.getStage("NOPE", 1));
        assertEquals("sales cycle", noCycle.resource());
        NotFoundException noStage = assertThrows(NotFoundException.class, () -> service.getStage("STD", 9));
        assertEquals("sales cycle stage", noStage.resource());
    }

    // --- delete

    @Test
    public void aCycleWithOpenOpportunitiesCannotBeDeleted() {
        service.create("std", std());
        UsageCheck openOpportunities = key -> key.equals("STD") ? Optional.of("3 open opportunities use it")
                : Optional.empty();
        service.addCycleUsageCheck(openOpportunities, named("open-opportunities"));
        ConflictException e = assertThrows(ConflictException.class, () -> service.delete("std", null));
        assertEquals("sales cycle STD cannot be deleted: 3 open opportunities use it", e.getMessage());
        assertTrue(service.find("STD").isPresent());
        service.removeCycleUsageCheck(openOpportunities, Map.of());
        service.delete("STD", 1L);
        assertFalse(service.find("STD").isPresent());
    }

    /**
     * A usage check reads the other module's tables on a connection of its own: deletes ask it before their
     * transaction, so it never meets the row lock of the very delete that asked, nor makes the request hold a
     * second pooled connection. The probe here takes the cycle's row for update: asked inside the delete's
     * transaction it would wait for that transaction, which waits for it (Derby gives up after 2 s).
     */
    @Test
    public void usageChecksRunBeforeTheDeletesTransaction() throws Exception {
        service.create("std", std());
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '2')");
        }
        UsageCheck locksTheCycle = key -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (ResultSet row = connection.createStatement()
                        .executeQuery("SELECT CODE FROM SALES_CYCLE WHERE CODE = 'STD' FOR UPDATE")) {
                    row.next();
                } finally {
                    connection.rollback();
                }
                return Optional.empty();
            } catch (SQLException e) {
                throw new IllegalStateException("the usage check waited for a lock: " + e.getMessage(), e);
            }
        };
        service.addStageUsageCheck(locksTheCycle, named("locks-the-cycle"));
        service.addCycleUsageCheck(locksTheCycle, named("locks-the-cycle"));

        service.deleteStage("STD", 4, null);
        service.update("STD", cycle("STD", std().stages().subList(0, 2)), null);
        service.delete("STD", null);

        assertFalse(service.find("STD").isPresent());
    }

    @Test
    public void deletingACycleAsksAboutEachStageAndDeletesThem() {
        service.create("std", std());
        List<String> asked = new ArrayList<>();
        UsageCheck activeEntries = key -> {
            asked.add(key);
            return key.equals("STD/4") ? Optional.of("an opportunity stands at stage 4") : Optional.empty();
        };
        service.addStageUsageCheck(activeEntries, named("active-entries"));
        assertThrows(ConflictException.class, () -> service.delete("STD", null));
        assertEquals(List.of("STD/1", "STD/2", "STD/3", "STD/4"), asked);
        assertEquals(4, service.get("STD").stages().size());

        service.removeStageUsageCheck(activeEntries, Map.of());
        service.delete("STD", null);
        assertFalse(service.findStage("STD", 1).isPresent());
        // nothing is left behind: the code can be used again from scratch
        assertEquals(List.of(), service.create("STD", cycle("STD", null)).stages());
    }

    /** The service properties of a usage check named {@code name}. */
    private static Map<String, Object> named(String name) {
        return Map.of(UsageCheck.NAME_PROPERTY, name);
    }

    /** A usage check that notes it was asked and says the record is in use. */
    private static UsageCheck saysInUse(List<String> asked, String who) {
        return key -> {
            asked.add(who + ":" + key);
            return Optional.of(who + " uses " + key);
        };
    }

    @Test
    public void usageChecksOfCyclesAndStagesFollowTheWhiteboardRules() {
        service.create("std", std());
        List<String> asked = new ArrayList<>();
        UsageCheck unnamed = saysInUse(asked, "unnamed");
        UsageCheck low = saysInUse(asked, "low");
        UsageCheck high = saysInUse(asked, "high");
        service.addStageUsageCheck(unnamed, Map.of("service.ranking", 100));
        service.addStageUsageCheck(low, Map.of(UsageCheck.NAME_PROPERTY, "open-opportunities-at-stage",
                "service.ranking", 1));
        service.addStageUsageCheck(high, Map.of(UsageCheck.NAME_PROPERTY, "Open-Opportunities-At-Stage",
                "service.ranking", 2));
        service.addStageUsageCheck(saysInUse(asked, "forecasts"), named("Forecasts"));

        // the unnamed one is never asked; of one name (ignoring case) the higher ranking; by name
        ConflictException e = assertThrows(ConflictException.class, () -> service.deleteStage("STD", 2, null));
        assertEquals("sales cycle stage STD/2 cannot be deleted: forecasts uses STD/2; high uses STD/2",
                e.getMessage());
        assertEquals(List.of("forecasts:STD/2", "high:STD/2"), asked);

        asked.clear();
        service.updatedStageUsageCheck(low, Map.of(UsageCheck.NAME_PROPERTY, "open-opportunities-at-stage",
                "service.ranking", 3));
        e = assertThrows(ConflictException.class, () -> service.deleteStage("STD", 2, null));
        assertEquals("sales cycle stage STD/2 cannot be deleted: forecasts uses STD/2; low uses STD/2",
                e.getMessage());
        assertEquals(List.of("forecasts:STD/2", "low:STD/2"), asked);

        // the cycle's checks are a whiteboard of their own, asked before the stages'
        asked.clear();
        UsageCheck cycleLow = saysInUse(asked, "cycle-low");
        UsageCheck cycleHigh = saysInUse(asked, "cycle-high");
        service.addCycleUsageCheck(cycleLow, Map.of(UsageCheck.NAME_PROPERTY, "open-opportunities",
                "service.ranking", 5));
        service.addCycleUsageCheck(cycleHigh, Map.of(UsageCheck.NAME_PROPERTY, "OPEN-OPPORTUNITIES",
                "service.ranking", 6));
        service.addCycleUsageCheck(saysInUse(asked, "cycle-unnamed"), Map.of());
        e = assertThrows(ConflictException.class, () -> service.delete("STD", null));
        assertEquals("sales cycle STD cannot be deleted: cycle-high uses STD", e.getMessage());
        assertEquals(List.of("cycle-high:STD"), asked);

        asked.clear();
        service.updatedCycleUsageCheck(cycleHigh, Map.of(UsageCheck.NAME_PROPERTY, "OPEN-OPPORTUNITIES",
                "service.ranking", 4));
        e = assertThrows(ConflictException.class, () -> service.delete("STD", null));
        assertEquals("sales cycle STD cannot be deleted: cycle-low uses STD", e.getMessage());
        assertEquals(List.of("cycle-low:STD"), asked);
        assertEquals(4, service.get("STD").stages().size());
    }

    @Test
    public void deleteRefusesStaleAndUnknown() {
        service.create("std", std());
        assertThrows(StaleVersionException.class, () -> service.delete("STD", 3L));
        assertTrue(service.find("STD").isPresent());
        assertThrows(NotFoundException.class, () -> service.delete("NOPE", null));
    }

    // --- blocked and lists

    @Test
    public void requireAssignableRefusesUnknownAndBlocked() {
        service.create("std", std());
        service.create("OLD", values(null, null, true, null));
        assertEquals("STD", service.requireAssignable("std", "salesCycleCode").code());
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> service.requireAssignable("NOPE", "salesCycleCode"));
        assertEquals(List.of(new FieldError("salesCycleCode", "names sales cycle NOPE, which does not exist")),
                unknown.errors());
        ConflictException blocked = assertThrows(ConflictException.class,
                () -> service.requireAssignable("old", "salesCycleCode"));
        assertEquals("salesCycleCode", blocked.errors().get(0).field());
        assertEquals("sales cycle OLD is blocked", blocked.getMessage());
        ValidationException blank = assertThrows(ValidationException.class,
                () -> service.requireAssignable(" ", "salesCycleCode"));
        assertEquals(List.of(new FieldError("salesCycleCode", "is required")), blank.errors());
    }

    @Test
    public void listFiltersSortsPagesAndIncludesStages() {
        service.create("std", std());
        service.create("LARGE", values("Large projects", "ADD", true, List.of(stage(1), stage(2))));
        service.create("SMALL", values("Small deals", null, false, List.of(stage(1))));

        Page<SalesCycle> all = service.list(SalesCycleQuery.all(), PageRequest.first());
        assertEquals(List.of("LARGE", "SMALL", "STD"), all.items().stream().map(SalesCycle::code).toList());
        assertEquals(List.of(2, 1, 4), all.items().stream().map(c -> c.stages().size()).toList());
        assertTrue(all.items().stream().allMatch(SalesCycle::probabilityModelAvailable));

        Page<SalesCycle> text = service.list(SalesCycleQuery.all().withText("l"), PageRequest.of(0, 10, "-code"));
        assertEquals(List.of("SMALL", "LARGE"), text.items().stream().map(SalesCycle::code).toList());

        Page<SalesCycle> blocked = service.list(SalesCycleQuery.all().withBlocked(true), PageRequest.first());
        assertEquals(List.of("LARGE"), blocked.items().stream().map(SalesCycle::code).toList());

        Page<SalesCycle> second = service.list(SalesCycleQuery.all(),
                PageRequest.of(1, 1, "probabilityCalculation,description"));
        assertEquals(List.of("SMALL"), second.items().stream().map(SalesCycle::code).toList());
        assertEquals(3, second.total());
        assertEquals(List.of(1), numbers(second.items().get(0)));
    }

    @Test
    public void listRefusesUnknownSortField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.list(SalesCycleQuery.all(), PageRequest.of(0, 10, "stages")));
        assertEquals("sort", e.errors().get(0).field());
    }

    @Test
    public void aTurkishServerSpellsCodesAsEveryOtherDoes() {
        Locale defaultLocale = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR")); // where "i".toUpperCase() is "İ"
        try {
            SalesCycle created = service.create("tiny", values(null, "multiply", false, List.of(
                    StageValues.builder(1).activityCode("visit").build())));
            assertEquals("TINY", created.code());
            assertEquals("MULTIPLY", created.probabilityCalculation());
            assertEquals("VISIT", created.stages().get(0).activityCode());
            assertEquals("TINY", service.get("tiny").code());
            assertEquals("TINY", service.requireAssignable("tiny", "salesCycleCode").code());
            assertTrue(service.findStage("tiny", 1).isPresent());
            assertEquals(2, service.addStage("tiny", stage(2), null).stage());
        } finally {
            Locale.setDefault(defaultLocale);
        }
    }

    @Test
    public void aBlankCodeNamesNoCycle() {
        service.create("std", std());
        assertEquals(Optional.empty(), service.find(" "));
        assertEquals(Optional.empty(), service.findStage(" ", 1));
        assertThrows(NotFoundException.class, () -> service.get(" "));
        assertThrows(NotFoundException.class, () -> service.getStage(" ", 1));
        assertThrows(NotFoundException.class, () -> service.update(" ", cycle(null, null), null));
        assertThrows(NotFoundException.class, () -> service.replaceStage(" ", stage(1), null));
        assertThrows(NotFoundException.class, () -> service.addStage(" ", stage(9), null));
        assertThrows(NotFoundException.class, () -> service.delete(" ", null));
    }

    // --- who changed it last (changedBy, changedAt)

    private static List<String> changedBy(SalesCycle cycle) {
        return cycle.stages().stream().map(SalesCycleStage::changedBy).toList();
    }

    @Test
    public void aCycleAndTheStagesCreatedWithItCarryTheCreatorAndOneTime() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        SalesCycle created = callers.callAs(ANNA, () -> service.create("std", std()));

        assertEquals("anna", created.changedBy());
        assertFalse(created.changedAt().isBefore(before));
        assertFalse(created.changedAt().isAfter(Instant.now()));
        assertEquals(List.of("anna", "anna", "anna", "anna"), changedBy(created));
        assertTrue(created.stages().stream().allMatch(stage -> stage.changedAt().equals(created.changedAt())));
        assertEquals(created, service.get("STD"));
        assertEquals(created, service.list(SalesCycleQuery.all(), PageRequest.first()).items().get(0));
        assertEquals(created.stages().get(1), service.getStage("STD", 2));
    }

    @Test
    public void aChangedStageAndItsCycleCarryTheLaterCallerTheOtherStagesKeepTheirs() {
        SalesCycle created = callers.callAs(ANNA, () -> service.create("std", std()));

        SalesCycleStage replaced = callers.callAs(BEN, () -> service.replaceStage("STD",
                StageValues.from(created.stages().get(2)).description("Offer").build(), null));
        assertEquals("ben", replaced.changedBy());
        assertFalse(replaced.changedAt().isBefore(created.changedAt()));
        SalesCycle read = service.get("STD");
        assertEquals("ben", read.changedBy());
        assertEquals(replaced.changedAt(), read.changedAt());
        assertEquals(List.of("anna", "anna", "ben", "anna"), changedBy(read));

        Caller carl = Caller.user("carl", Set.of("opportune-admin"));
        SalesCycleStage added = callers.callAs(carl, () -> service.addStage("STD", stage(5), null));
        assertEquals("carl", added.changedBy());
        assertEquals("carl", service.get("STD").changedBy());

        callers.runAs(ANNA, () -> service.deleteStage("STD", 5, null));
        assertEquals("anna", service.get("STD").changedBy());
        assertEquals(List.of("anna", "anna", "ben", "anna"), changedBy(service.get("STD")));
    }

    @Test
    public void anUpdateStampsTheCycleAndOnlyTheStagesItChangesOrAdds() {
        SalesCycle created = callers.callAs(ANNA, () -> service.create("std", std()));
        List<StageValues> stages = new ArrayList<>(created.stages().stream()
                .map(stage -> StageValues.from(stage).build()).toList());
        stages.set(1, StageValues.from(created.stages().get(1)).description("Demo").build());
        stages.add(stage(5));

        SalesCycle updated = callers.callAs(BEN, () -> service.update("STD",
                SalesCycleValues.from(created).stages(stages).build(), 1L));
        assertEquals("ben", updated.changedBy());
        assertEquals(List.of("anna", "ben", "anna", "anna", "ben"), changedBy(updated));
        assertEquals(created.stages().get(0), updated.stages().get(0));
        assertEquals(updated, service.get("STD"));

        SalesCycle renamed = callers.callAs(ANNA, () -> service.update("STD",
                SalesCycleValues.from(updated).description("Standard cycle").build(), null));
        assertEquals("anna", renamed.changedBy());
        assertEquals(updated.stages(), renamed.stages()); // stages not given are kept, stamps and all
    }

    @Test
    public void aStageListThatOnlyDropsAStageStampsTheCycle() {
        SalesCycle created = callers.callAs(ANNA, () -> service.create("std", std()));
        SalesCycle updated = callers.callAs(BEN, () -> service.update("STD",
                withStages(created, created.stages().subList(0, 3)), null));
        assertEquals("ben", updated.changedBy());
        assertEquals(2L, updated.version());
        assertEquals(List.of("anna", "anna", "anna"), changedBy(updated));
    }

    // setup rights and the audit log

    @Test
    public void onlyAnAdminOrTheServerChangesSalesCyclesAndARefusalChangesNothing() {
        SalesCycle created = service.create("std", std());
        List<String> lines = AuditLines.of(dataSource);
        for (String role : List.of("sales-manager", "salesperson", "sales-viewer", "admin")) {
            Caller caller = Caller.user("eve", Set.of(role));
            for (Runnable write : List.<Runnable>of(() -> service.create("NEW", std()),
                    () -> service.update("STD", cycle("STD", List.of()), null), () -> service.delete("STD", null),
                    () -> service.addStage("STD", stage(5), null),
                    () -> service.replaceStage("STD", stage(1), null), () -> service.deleteStage("STD", 1, null))) {
                AccessDeniedException e = assertThrows(AccessDeniedException.class,
                        () -> callers.runAs(caller, write));
                assertEquals(List.of("opportune-admin"), e.requiredRoles());
            }
            // reading stays open to every role
            assertEquals(created, callers.callAs(caller, () -> service.get("STD")));
        }
        assertFalse(service.find("NEW").isPresent());
        assertEquals(lines, AuditLines.of(dataSource));
    }

    @Test
    public void eachStageChangeWritesOneUpdateLineOfItsCycle() {
        SalesCycle created = callers.callAs(ANNA, () -> service.create("std", std()));
        assertEquals(1, AuditLines.of(dataSource).size());
        assertTrue(AuditLines.of(dataSource).get(0), AuditLines.of(dataSource).get(0).startsWith("anna CREATE sales-cycle STD: code: \"STD\","
                + " description: \"Standard\""));

        callers.callAs(BEN, () -> service.addStage("STD", stage(5, "Won", "100", "100", "1W", true), null));
        callers.callAs(ANNA, () -> service.replaceStage("STD", StageValues.from(created.stages().get(2))
                .description("Offer").completedPercent(new BigDecimal("65")).build(), null));
        callers.runAs(BEN, () -> service.deleteStage("STD", 1, null));

        assertEquals(List.of(
                "ben UPDATE sales-cycle STD: stage 5 \"Won\" added: completedPercent: 100, chancesOfSuccessPercent: 100,"
                        + " quoteRequired: false, allowSkip: true, dateFormula: \"1W\"",
                "anna UPDATE sales-cycle STD: stage 3 \"Proposal\" changed: description: \"Proposal\" → \"Offer\","
                        + " completedPercent: 60 → 65",
                "ben UPDATE sales-cycle STD: stage 1 \"Initial\" deleted: completedPercent: 10,"
                        + " chancesOfSuccessPercent: 20, quoteRequired: false, allowSkip: false, dateFormula: \"5D\""),
                AuditLines.of(dataSource).subList(1, 4));
        assertEquals(4, AuditLines.of(dataSource).size());
    }

    @Test
    public void aRefusedOrEmptyStageChangeWritesNoLine() {
        SalesCycle created = service.create("std", std());
        List<String> lines = AuditLines.of(dataSource);

        service.replaceStage("STD", StageValues.from(created.stages().get(0)).build(), null); // the same values
        assertThrows(ConflictException.class, () -> service.addStage("STD", stage(1), null));
        assertThrows(ValidationException.class, () -> service.addStage("STD", stage(0), null));
        assertThrows(StaleVersionException.class, () -> service.addStage("STD", stage(5), 7L));
        assertThrows(StaleVersionException.class, () -> service.replaceStage("STD", stage(1), 7L));
        assertThrows(ValidationException.class, () -> service.replaceStage("STD",
                stage(1, "Initial", "101", "20", null, false), null));
        assertThrows(StaleVersionException.class, () -> service.deleteStage("STD", 1, 7L));
        assertThrows(NotFoundException.class, () -> service.deleteStage("STD", 9, null));
        assertThrows(StaleVersionException.class, () -> service.update("STD", std(), 7L));
        assertThrows(StaleVersionException.class, () -> service.delete("STD", 7L));

        assertEquals(lines, AuditLines.of(dataSource));
        assertEquals(created, service.get("STD"));
    }

    @Test
    public void anUpdateWithStagesWritesOneLineNamingEachStageChangeAndADeleteOneLine() {
        SalesCycle created = callers.callAs(ANNA, () -> service.create("std", std()));
        List<StageValues> stages = new ArrayList<>(created.stages().subList(1, 4).stream()
                .map(stage -> StageValues.from(stage).build()).toList());
        stages.set(0, StageValues.from(created.stages().get(1)).allowSkip(false).build());
        callers.callAs(BEN, () -> service.update("STD", SalesCycleValues.from(created).description("Std")
                .stages(stages).build(), 1L));
        callers.runAs(ANNA, () -> service.delete("STD", null));

        List<String> lines = AuditLines.of(dataSource);
        assertEquals(3, lines.size());
        assertEquals("ben UPDATE sales-cycle STD: description: \"Standard\" → \"Std\","
                + " stages[2]: {allowSkip: true → false}, stages[1] deleted: {stage: 1, description: \"Initial\","
                + " completedPercent: 10, chancesOfSuccessPercent: 20, quoteRequired: false, allowSkip: false,"
                + " dateFormula: \"5D\"}", lines.get(1));
        assertTrue(lines.get(2), lines.get(2).startsWith("anna DELETE sales-cycle STD: code: \"STD\", description:"
                + " \"Std\""));
        assertTrue(lines.get(2), lines.get(2).contains("{stage: 4, description: \"Negotiation\""));
    }
    // maxDaysIdle (DOMAIN §11)

    @Test
    public void maxDaysIdleIsStoredChangedAndReadBackThroughTheCache() {
        SalesCycle created = service.create("STD", values("Standard", null, false, List.of(
                idle(stage(1), 14), stage(2))));
        assertEquals(Integer.valueOf(14), created.stages().get(0).maxDaysIdle());
        assertNull("no limit unless given", created.stages().get(1).maxDaysIdle());
        assertEquals(created, service.get("STD"));

        SalesCycleStage replaced = service.replaceStage("STD", StageValues.from(created.stages().get(1))
                .maxDaysIdle(30).build(), null);
        assertEquals(Integer.valueOf(30), replaced.maxDaysIdle());
        assertEquals(2L, replaced.version()); // a change of its own
        assertEquals(Integer.valueOf(30), service.get("STD").stages().get(1).maxDaysIdle()); // not the cached cycle
        assertEquals(2L, service.get("STD").version());

        SalesCycle read = service.get("STD");
        SalesCycle cleared = service.update("STD", SalesCycleValues.from(read).stages(List.of(
                StageValues.from(read.stages().get(0)).maxDaysIdle(null).build(),
                StageValues.from(read.stages().get(1)).build())).build(), null);
        assertNull(cleared.stages().get(0).maxDaysIdle());
        assertEquals(Integer.valueOf(30), cleared.stages().get(1).maxDaysIdle());
        assertEquals(3L, cleared.version());
        assertEquals(cleared, service.get("STD"));
        assertEquals(Integer.valueOf(1), service.addStage("STD", idle(stage(3), 1),
                null).maxDaysIdle());
    }

    @Test
    public void maxDaysIdleBelowOneIsAFieldErrorNamedAsTheClientSentIt() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create("STD", values(null,
                null, false, List.of(stage(1), idle(stage(2), 0)))));
        assertEquals(List.of(new FieldError("stages[1].maxDaysIdle",
                "must be 1 or more, or empty for no limit (got 0)")), e.errors());
        assertFalse(service.find("STD").isPresent());

        SalesCycle created = service.create("STD", values(null, null, false, List.of(stage(1))));
        e = assertThrows(ValidationException.class, () -> service.addStage("STD",
                idle(stage(2), 0), null));
        assertEquals(List.of("maxDaysIdle"), fields(e));
        e = assertThrows(ValidationException.class, () -> service.replaceStage("STD",
                StageValues.from(created.stages().get(0)).maxDaysIdle(-5).build(), null));
        assertEquals(List.of(new FieldError("maxDaysIdle", "must be 1 or more, or empty for no limit (got -5)")),
                e.errors());
        e = assertThrows(ValidationException.class, () -> service.update("STD", SalesCycleValues.from(created)
                .stages(List.of(StageValues.from(created.stages().get(0)).maxDaysIdle(0).build())).build(), null));
        assertEquals(List.of("stages[0].maxDaysIdle"), fields(e));
        assertEquals(created, service.get("STD"));
    }

    @Test
    public void theAuditLineShowsMaxDaysIdle() {
        SalesCycle created = callers.callAs(ANNA, () -> service.create("std", std()));
        callers.callAs(BEN, () -> service.addStage("STD", idle(stage(5, "Won", "100", "100", null, false), 7), null));
        callers.callAs(ANNA, () -> service.replaceStage("STD", StageValues.from(created.stages().get(1))
                .maxDaysIdle(14).build(), null));
        callers.callAs(BEN, () -> service.replaceStage("STD", StageValues.from(service.getStage("STD", 2))
                .maxDaysIdle(30).build(), null));
        assertEquals(List.of(
                "ben UPDATE sales-cycle STD: stage 5 \"Won\" added: completedPercent: 100, chancesOfSuccessPercent: 100,"
                        + " maxDaysIdle: 7, quoteRequired: false, allowSkip: false",
                "anna UPDATE sales-cycle STD: stage 2 \"Presentation\" changed: maxDaysIdle: null → 14",
                "ben UPDATE sales-cycle STD: stage 2 \"Presentation\" changed: maxDaysIdle: 14 → 30"),
                AuditLines.of(dataSource).subList(1, 4));
    }
}
