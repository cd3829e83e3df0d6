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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
import org.opportune.api.UsageCheck;
import org.opportune.api.ValidationException;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleQuery;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.probability.ProbabilityModel;
import org.opportune.cycles.internal.probability.AddProbabilityModel;
import org.opportune.cycles.internal.probability.ChancesOfSuccessProbabilityModel;
import org.opportune.cycles.internal.probability.CompletedProbabilityModel;
import org.opportune.cycles.internal.probability.MultiplyProbabilityModel;

public class SalesCycleServiceImplTest {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private EmbeddedDataSource dataSource;
    private SalesCycleServiceImpl service;

    @Before
    public void start() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        service = new SalesCycleServiceImpl(dataSource);
        for (ProbabilityModel model : List.of(new MultiplyProbabilityModel(), new AddProbabilityModel(),
                new ChancesOfSuccessProbabilityModel(), new CompletedProbabilityModel())) {
            service.addProbabilityModel(model, Map.of(ProbabilityModel.NAME_PROPERTY, model.name()));
        }
    }

    @After
    public void stop() {
        service.close();
    }

    private static SalesCycleStage stage(Integer number, String description, String completed, String chances,
            String formula, boolean allowSkip) {
        return new SalesCycleStage(number, description, completed == null ? null : new BigDecimal(completed),
                chances == null ? null : new BigDecimal(chances), null, false, allowSkip, formula);
    }

    private static SalesCycleStage stage(int number) {
        return stage(number, "Stage " + number, "10", "20", null, false);
    }

    /** A stage as read back after its creation, without activity code or quote. */
    private static SalesCycleStage storedStage(int number, String description, String completed, String chances,
            boolean allowSkip, String formula) {
        return new SalesCycleStage(number, description, new BigDecimal(completed), new BigDecimal(chances), null,
                false, allowSkip, formula, 1L);
    }

    /** The cycle of DOMAIN §9. */
    private static SalesCycle std() {
        return new SalesCycle("std", "Standard", "MULTIPLY", false, List.of(
                stage(1, "Initial", "10", "20", "5D", false),
                stage(2, "Presentation", "30", "40", "10D", true),
                stage(3, "Proposal", "60", "50", "7D", true),
                stage(4, "Negotiation", "80", "75", "14D", false)));
    }

    private static SalesCycle cycle(String code, List<SalesCycleStage> stages) {
        return new SalesCycle(code, "Cycle " + code, null, false, stages);
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
        SalesCycle created = service.create(std());

        assertEquals("STD", created.code());
        assertEquals("Standard", created.description());
        assertEquals("MULTIPLY", created.probabilityCalculation());
        assertFalse(created.blocked());
        assertTrue(created.probabilityModelAvailable());
        assertEquals(Long.valueOf(1), created.version());
        assertEquals(List.of(
                storedStage(1, "Initial", "10", "20", false, "5D"),
                storedStage(2, "Presentation", "30", "40", true, "10D"),
                storedStage(3, "Proposal", "60", "50", true, "7D"),
                storedStage(4, "Negotiation", "80", "75", false, "14D")),
                created.stages());
        assertEquals(created, service.get("std"));
        assertEquals(created, service.find(" Std ").orElseThrow());
        assertEquals(created.stages().get(2), service.getStage("std", 3));
    }

    @Test
    public void stagesAreOrderedByNumberWithGapsAllowed() {
        SalesCycle created = service.create(cycle("GAPS", List.of(stage(30), stage(10), stage(20), stage(1))));
        assertEquals(List.of(1, 10, 20, 30), numbers(created));
        assertEquals(List.of(1, 10, 20, 30), numbers(service.get("GAPS")));
    }

    @Test
    public void defaultsAndNormalisation() {
        SalesCycle created = service.create(new SalesCycle(" new ", null, " ", false, List.of(
                new SalesCycleStage(1, null, null, null, " call ", true, false, " 1m + cm "))));
        assertEquals("NEW", created.code());
        assertNull(created.description());
        assertEquals("MULTIPLY", created.probabilityCalculation());
        SalesCycleStage first = created.stages().get(0);
        assertEquals(0, first.completedPercent().signum());
        assertEquals(0, first.chancesOfSuccessPercent().signum());
        assertEquals("CALL", first.activityCode());
        assertTrue(first.quoteRequired());
        assertEquals("1M+CM", first.dateFormula());

        SalesCycle none = service.create(new SalesCycle("NONE", null, "add", false, null));
        assertEquals(List.of(), none.stages());
        assertEquals("ADD", none.probabilityCalculation()); // spelled as the model spells it
    }

    @Test
    public void percentagesKeepTheirValueAndBoundsAreInclusive() {
        SalesCycle created = service.create(cycle("PCT", List.of(stage(1, null, "0", "100", null, false),
                stage(2, null, "12.34567", "99.50", "", false))));
        assertEquals(new BigDecimal("100"), created.stages().get(0).chancesOfSuccessPercent());
        assertEquals(BigDecimal.ZERO, created.stages().get(0).completedPercent());
        assertEquals(new BigDecimal("12.34567"), created.stages().get(1).completedPercent());
        assertEquals(new BigDecimal("99.5"), created.stages().get(1).chancesOfSuccessPercent());
        assertNull(created.stages().get(1).dateFormula());
    }

    @Test
    public void createRefusesATakenCode() {
        service.create(std());
        ConflictException e = assertThrows(ConflictException.class, () -> service.create(cycle("Std", List.of())));
        assertEquals(List.of(new FieldError("code", "is taken by an existing sales cycle")), e.errors());
    }

    @Test
    public void createNamesEveryFieldErrorAsTheClientSentIt() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(new SalesCycle(
                "TOO-LONG-CODE", "D".repeat(101), "MULTIPLY", false, false, Arrays.asList(
                        new SalesCycleStage(0, "S".repeat(101), new BigDecimal("-1"), new BigDecimal("100.01"),
                                "A".repeat(11), false, false, "5X", 3L),
                        stage(2, null, "101", "50", "1M-CM", false),
                        null,
                        stage(null, null, "1.123456", null, null, false)),
                7L)));
        assertEquals(List.of("code", "description", "version",
                "stages[0].stage", "stages[0].description", "stages[0].completedPercent",
                "stages[0].chancesOfSuccessPercent", "stages[0].activityCode", "stages[0].dateFormula",
                "stages[0].version",
                "stages[1].completedPercent", "stages[1].dateFormula",
                "stages[2]",
                "stages[3].stage", "stages[3].completedPercent"), fields(e));
        assertEquals(new FieldError("stages[1].completedPercent", "must be between 0 and 100 (got 101)"),
                e.errors().get(10));
        assertTrue(e.errors().get(11).message(), e.errors().get(11).message().contains("-CM at position 3"));
        assertEquals(new FieldError("stages[3].completedPercent", "must have at most 5 decimals"), e.errors().get(14));
        assertTrue(service.list(SalesCycleQuery.ALL, PageRequest.first()).items().isEmpty());
    }

    @Test
    public void duplicateStageNumbersAreNamed() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.create(cycle("DUP", List.of(stage(1), stage(2), stage(1), stage(2)))));
        assertEquals(List.of(new FieldError("stages[2].stage", "repeats stage 1 of stages[0]"),
                new FieldError("stages[3].stage", "repeats stage 2 of stages[1]")), e.errors());
        assertFalse(service.find("DUP").isPresent());
    }

    @Test
    public void aDateFormulaLongerThan32CharactersWrittenCanonicallyIsRefused() {
        String formula = "1D+".repeat(10) + "10D"; // 33 characters
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.create(cycle("LONG", List.of(stage(1, null, null, null, formula, false)))));
        assertEquals("stages[0].dateFormula", e.errors().get(0).field());
        assertEquals(32, service.create(cycle("FITS", List.of(stage(1, null, null, null, " 1d + ".repeat(10) + "1d",
                false)))).stages().get(0).dateFormula().length());
    }

    @Test
    public void codeMustBeUsableInAPath() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(cycle("A/B", null)));
        assertEquals(List.of("code"), fields(e));
    }

    // --- probability models named by cycles

    @Test
    public void anUnknownModelIsRefusedListingTheInstalledOnes() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.create(new SalesCycle("X", null, "WEIGHTED", false, null)));
        assertEquals(List.of(new FieldError("probabilityCalculation", "names probability model WEIGHTED, which is"
                + " not installed; installed: ADD, CHANCES_OF_SUCCESS, COMPLETED, MULTIPLY")), e.errors());
    }

    @Test
    public void withoutAnyModelNoneIsListed() {
        SalesCycleServiceImpl bare = new SalesCycleServiceImpl(dataSource);
        try {
            ValidationException e = assertThrows(ValidationException.class, () -> bare.create(cycle("X", null)));
            assertTrue(e.errors().get(0).message(), e.errors().get(0).message().endsWith("installed: none"));
        } finally {
            bare.close();
        }
    }

    @Test
    public void aCycleWhoseModelWentAwayReadsFineButCannotCompute() {
        ProbabilityModel weighted = FixedProbabilityModel.constant("Weighted", "42");
        service.addProbabilityModel(weighted, Map.of(ProbabilityModel.NAME_PROPERTY, "Weighted"));
        SalesCycle created = service.create(new SalesCycle("W", null, "weighted", false, List.of(stage(1))));
        assertEquals("Weighted", created.probabilityCalculation());
        assertEquals(new BigDecimal("42"), service.probability("w", BigDecimal.TEN, BigDecimal.ONE));

        service.removeProbabilityModel(weighted, Map.of());
        SalesCycle read = service.get("W");
        assertFalse(read.probabilityModelAvailable());
        assertEquals(List.of(1), numbers(read));
        assertFalse(service.list(SalesCycleQuery.ALL, PageRequest.first()).items().get(0).probabilityModelAvailable());
        UnavailableException e = assertThrows(UnavailableException.class,
                () -> service.probability("W", BigDecimal.TEN, BigDecimal.ONE));
        assertTrue(e.getMessage(), e.getMessage().startsWith("probability model Weighted is not available"));
        assertThrows(UnavailableException.class, () -> service.probabilityModel("W"));

        // other edits keep working, the name stays; changing to another unknown one is refused
        SalesCycle blocked = service.update("W", read.withBlocked(true), read.version());
        assertTrue(blocked.blocked());
        assertEquals("Weighted", blocked.probabilityCalculation());
        ValidationException unknown = assertThrows(ValidationException.class, () -> service.update("W",
                new SalesCycle("W", null, "OTHER", true, null), null));
        assertEquals(List.of("probabilityCalculation"), fields(unknown));

        service.addProbabilityModel(weighted, Map.of(ProbabilityModel.NAME_PROPERTY, "Weighted"));
        assertTrue(service.get("W").probabilityModelAvailable());
        assertEquals(new BigDecimal("42"), service.probability("W", BigDecimal.TEN, BigDecimal.ONE));
    }

    @Test
    public void probabilityUsesTheCyclesModel() {
        service.create(std());
        service.create(new SalesCycle("ADDS", null, "ADD", false, null));
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
        service.create(std());
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
            service.create(new SalesCycle(faulty.name(), null, faulty.name(), false, null));
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
        service.create(std());
        SalesCycle first = service.get("STD"); // now cached
        assertEquals(first, service.get("STD"));

        SalesCycle renamed = service.update("STD", new SalesCycle(null, "Renamed", "MULTIPLY", false, null),
                first.version());
        assertEquals("Renamed", service.get("STD").description());
        service.addStage("STD", stage(5), renamed.version());
        assertEquals(5, service.get("STD").stages().size());
        service.replaceStage("STD", 5, stage(5, "Fifth", "90", "90", null, false), 1L);
        assertEquals("Fifth", service.get("STD").stages().get(4).description());
        service.deleteStage("STD", 5, 2L);
        assertEquals(4, service.get("STD").stages().size());

        ProbabilityModel half = new FixedProbabilityModel("HALF", (completed, chances) -> chances.divide(TWO));
        service.addProbabilityModel(half, Map.of(ProbabilityModel.NAME_PROPERTY, "HALF"));
        service.update("STD", new SalesCycle(null, "Renamed", "HALF", false, null), null);
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
        service.create(std());
        SalesCycle updated = service.update("std", new SalesCycle(null, "Standard cycle", "ADD", true, null), 1L);
        assertEquals("Standard cycle", updated.description());
        assertEquals("ADD", updated.probabilityCalculation());
        assertTrue(updated.blocked());
        assertEquals(List.of(1, 2, 3, 4), numbers(updated));
        assertEquals(Long.valueOf(2), updated.version());
        assertEquals(updated, service.get("STD"));
    }

    @Test
    public void updateWithStagesReplacesTheStageList() {
        SalesCycle created = service.create(std());
        List<SalesCycleStage> stages = new ArrayList<>(created.stages());
        stages.remove(3); // stage 4 goes
        stages.set(1, new SalesCycleStage(2, "Demo", new BigDecimal("35"), new BigDecimal("40"), "DEMO", true, true,
                "2w", 1L)); // stage 2 changes
        stages.add(stage(5, "Contract", "90", "90", "CM", false)); // stage 5 is new

        SalesCycle updated = service.update("STD", created.withStages(stages), 1L);

        assertEquals(List.of(1, 2, 3, 5), numbers(updated));
        assertEquals(Long.valueOf(2), updated.version()); // one change, one step
        assertEquals(created.stages().get(0), updated.stages().get(0)); // unchanged stage keeps its version
        assertEquals(new SalesCycleStage(2, "Demo", new BigDecimal("35"), new BigDecimal("40"), "DEMO", true, true,
                "2W", 2L), updated.stages().get(1));
        assertEquals(Long.valueOf(1), updated.stages().get(3).version());
        assertFalse(service.findStage("STD", 4).isPresent());
        assertEquals(updated, service.get("STD"));
    }

    @Test
    public void aStageChangeAloneRaisesTheCyclesVersion() {
        SalesCycle created = service.create(std());
        List<SalesCycleStage> stages = new ArrayList<>(created.stages());
        stages.set(0, stage(1, "Initial", "10", "25", "5D", false));
        SalesCycle updated = service.update("STD", created.withStages(stages), created.version());
        assertEquals(Long.valueOf(2), updated.version());
        assertEquals(Long.valueOf(2), service.get("STD").version());
    }

    @Test
    public void anUnchangedUpdateKeepsTheVersion() {
        SalesCycle created = service.create(std());
        assertEquals(Long.valueOf(1), service.update("STD", created, 1L).version());
    }

    @Test
    public void emptyStagesRemoveEveryStage() {
        service.create(std());
        SalesCycle updated = service.update("STD", cycle("STD", List.of()), null);
        assertEquals(List.of(), updated.stages());
        assertEquals(Long.valueOf(2), updated.version());
    }

    @Test
    public void updateWithStaleVersionChangesNothing() {
        service.create(std());
        service.update("STD", new SalesCycle(null, "Second", null, false, null), 1L);
        assertThrows(StaleVersionException.class,
                () -> service.update("STD", new SalesCycle(null, "Third", null, false, List.of()), 1L));
        assertEquals("Second", service.get("STD").description());
        assertEquals(4, service.get("STD").stages().size());
    }

    @Test
    public void updateRefusesChangingReadOnlyFields() {
        SalesCycle created = service.create(std());
        List<SalesCycleStage> stages = new ArrayList<>(created.stages());
        stages.set(2, new SalesCycleStage(3, "Proposal", BigDecimal.ONE, BigDecimal.ONE, null, false, false, null, 9L));
        stages.add(new SalesCycleStage(9, null, null, null, null, false, false, null, 1L));
        ValidationException e = assertThrows(ValidationException.class, () -> service.update("STD",
                new SalesCycle("OTHER", null, null, false, false, stages, 5L), null));
        assertEquals(List.of(new FieldError("code", "is the key and cannot be changed (path says STD)"),
                new FieldError("version", "is owned by the server (current 1)"),
                new FieldError("stages[2].version", "is owned by the server (current 1)"),
                new FieldError("stages[4].version", "is set by the server")), e.errors());
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
        SalesCycle created = service.create(std());
        List<String> asked = new ArrayList<>();
        UsageCheck activeEntries = key -> {
            asked.add(key);
            return key.equals("STD/2") ? Optional.of("2 opportunities stand at stage 2") : Optional.empty();
        };
        service.addStageUsageCheck(activeEntries);

        List<SalesCycleStage> stages = List.of(created.stages().get(0), created.stages().get(3));
        ConflictException e = assertThrows(ConflictException.class,
                () -> service.update("STD", new SalesCycle("STD", "Changed", null, false, stages), null));
        assertEquals("sales cycle stage STD/2 cannot be deleted: 2 opportunities stand at stage 2", e.getMessage());
        assertEquals(List.of("STD/2"), asked);
        assertEquals(created, service.get("STD"));

        // dropping only stage 3 is fine; kept stages are not asked about
        asked.clear();
        SalesCycle updated = service.update("STD", created.withStages(List.of(created.stages().get(0),
                created.stages().get(1), created.stages().get(3))), null);
        assertEquals(List.of(1, 2, 4), numbers(updated));
        assertEquals(List.of("STD/3"), asked);
    }

    // --- single stages

    @Test
    public void addStageRaisesTheCyclesVersion() {
        service.create(std());
        SalesCycleStage added = service.addStage("std", stage(5, "Contract", "95", "90", "cy", false), 1L);
        assertEquals(new SalesCycleStage(5, "Contract", new BigDecimal("95"), new BigDecimal("90"), null, false, false,
                "CY", 1L), added);
        SalesCycle read = service.get("STD");
        assertEquals(List.of(1, 2, 3, 4, 5), numbers(read));
        assertEquals(Long.valueOf(2), read.version());
    }

    @Test
    public void addStageRefusals() {
        service.create(std());
        ConflictException taken = assertThrows(ConflictException.class, () -> service.addStage("STD", stage(2), null));
        assertEquals(List.of(new FieldError("stage", "is taken by an existing stage of sales cycle STD")),
                taken.errors());
        ValidationException invalid = assertThrows(ValidationException.class, () -> service.addStage("STD",
                new SalesCycleStage(null, null, new BigDecimal("200"), null, null, false, false, "xx", 4L), null));
        assertEquals(List.of("stage", "completedPercent", "dateFormula", "version"), fields(invalid));
        assertThrows(StaleVersionException.class, () -> service.addStage("STD", stage(7), 9L));
        assertThrows(NotFoundException.class, () -> service.addStage("NOPE", stage(7), null));
        assertEquals(Long.valueOf(1), service.get("STD").version());
    }

    @Test
    public void replaceStageChangesItsValuesAndBothVersions() {
        service.create(std());
        SalesCycleStage replaced = service.replaceStage("STD", 3, stage(null, "Offer", "65", "55", "1w", true), 1L);
        assertEquals(new SalesCycleStage(3, "Offer", new BigDecimal("65"), new BigDecimal("55"), null, false, true,
                "1W", 2L), replaced);
        assertEquals(replaced, service.getStage("STD", 3));
        assertEquals(Long.valueOf(2), service.get("STD").version());
        // the same values again change nothing
        assertEquals(Long.valueOf(2), service.replaceStage("STD", 3, replaced, 2L).version());
        assertEquals(Long.valueOf(2), service.get("STD").version());
    }

    @Test
    public void replaceStageRefusals() {
        service.create(std());
        ValidationException key = assertThrows(ValidationException.class,
                () -> service.replaceStage("STD", 3, new SalesCycleStage(4, null, null, new BigDecimal("-5"), null,
                        false, false, null, 7L), null));
        assertEquals(List.of(new FieldError("stage", "is the key and cannot be changed (path says 3)"),
                new FieldError("version", "is owned by the server (current 1)"),
                new FieldError("chancesOfSuccessPercent", "must be between 0 and 100 (got -5)")), key.errors());
        assertThrows(StaleVersionException.class, () -> service.replaceStage("STD", 3, stage(3), 2L));
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> service.replaceStage("STD", 9, stage(9), null));
        assertEquals("sales cycle stage", missing.resource());
        assertEquals("STD/9", missing.key());
        assertThrows(NotFoundException.class, () -> service.replaceStage("NOPE", 1, stage(1), null));
        assertEquals(std().stages().get(2).description(), service.getStage("STD", 3).description());
    }

    @Test
    public void deleteStageConsultsUsageChecks() {
        service.create(std());
        UsageCheck activeEntries = key -> Optional.of("opportunity OP000001 stands at stage " + key);
        service.addStageUsageCheck(activeEntries);
        ConflictException e = assertThrows(ConflictException.class, () -> service.deleteStage("std", 2, null));
        assertEquals("sales cycle stage STD/2 cannot be deleted: opportunity OP000001 stands at stage STD/2",
                e.getMessage());
        service.removeStageUsageCheck(activeEntries);

        assertThrows(StaleVersionException.class, () -> service.deleteStage("STD", 2, 5L));
        service.deleteStage("STD", 2, 1L);
        assertEquals(List.of(1, 3, 4), numbers(service.get("STD")));
        assertEquals(Long.valueOf(2), service.get("STD").version());
        assertThrows(NotFoundException.class, () -> service.deleteStage("STD", 2, null));
    }

    @Test
    public void findAndGetStage() {
        service.create(std());
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
        service.create(std());
        UsageCheck openOpportunities = key -> key.equals("STD") ? Optional.of("3 open opportunities use it")
                : Optional.empty();
        service.addCycleUsageCheck(openOpportunities);
        ConflictException e = assertThrows(ConflictException.class, () -> service.delete("std", null));
        assertEquals("sales cycle STD cannot be deleted: 3 open opportunities use it", e.getMessage());
        assertTrue(service.find("STD").isPresent());
        service.removeCycleUsageCheck(openOpportunities);
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
        service.create(std());
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
        service.addStageUsageCheck(locksTheCycle);
        service.addCycleUsageCheck(locksTheCycle);

        service.deleteStage("STD", 4, null);
        service.update("STD", cycle("STD", std().stages().subList(0, 2)), null);
        service.delete("STD", null);

        assertFalse(service.find("STD").isPresent());
    }

    @Test
    public void deletingACycleAsksAboutEachStageAndDeletesThem() {
        service.create(std());
        List<String> asked = new ArrayList<>();
        UsageCheck activeEntries = key -> {
            asked.add(key);
            return key.equals("STD/4") ? Optional.of("an opportunity stands at stage 4") : Optional.empty();
        };
        service.addStageUsageCheck(activeEntries);
        assertThrows(ConflictException.class, () -> service.delete("STD", null));
        assertEquals(List.of("STD/1", "STD/2", "STD/3", "STD/4"), asked);
        assertEquals(4, service.get("STD").stages().size());

        service.removeStageUsageCheck(activeEntries);
        service.delete("STD", null);
        assertFalse(service.findStage("STD", 1).isPresent());
        // nothing is left behind: the code can be used again from scratch
        assertEquals(List.of(), service.create(cycle("STD", null)).stages());
    }

    @Test
    public void deleteRefusesStaleAndUnknown() {
        service.create(std());
        assertThrows(StaleVersionException.class, () -> service.delete("STD", 3L));
        assertTrue(service.find("STD").isPresent());
        assertThrows(NotFoundException.class, () -> service.delete("NOPE", null));
    }

    // --- blocked and lists

    @Test
    public void requireAssignableRefusesUnknownAndBlocked() {
        service.create(std());
        service.create(new SalesCycle("OLD", null, null, true, null));
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
        service.create(std());
        service.create(new SalesCycle("LARGE", "Large projects", "ADD", true, List.of(stage(1), stage(2))));
        service.create(new SalesCycle("SMALL", "Small deals", null, false, List.of(stage(1))));

        Page<SalesCycle> all = service.list(SalesCycleQuery.ALL, PageRequest.first());
        assertEquals(List.of("LARGE", "SMALL", "STD"), all.items().stream().map(SalesCycle::code).toList());
        assertEquals(List.of(2, 1, 4), all.items().stream().map(c -> c.stages().size()).toList());
        assertTrue(all.items().stream().allMatch(SalesCycle::probabilityModelAvailable));

        Page<SalesCycle> text = service.list(new SalesCycleQuery("l", null), PageRequest.of(0, 10, "-code"));
        assertEquals(List.of("SMALL", "LARGE"), text.items().stream().map(SalesCycle::code).toList());

        Page<SalesCycle> blocked = service.list(new SalesCycleQuery(null, true), PageRequest.first());
        assertEquals(List.of("LARGE"), blocked.items().stream().map(SalesCycle::code).toList());

        Page<SalesCycle> second = service.list(SalesCycleQuery.ALL,
                PageRequest.of(1, 1, "probabilityCalculation,description"));
        assertEquals(List.of("SMALL"), second.items().stream().map(SalesCycle::code).toList());
        assertEquals(3, second.total());
        assertEquals(List.of(1), numbers(second.items().get(0)));
    }

    @Test
    public void listRefusesUnknownSortField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.list(SalesCycleQuery.ALL, PageRequest.of(0, 10, "stages")));
        assertEquals("sort", e.errors().get(0).field());
    }

    @Test
    public void aTurkishServerSpellsCodesAsEveryOtherDoes() {
        Locale defaultLocale = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR")); // where "i".toUpperCase() is "İ"
        try {
            SalesCycle created = service.create(new SalesCycle("tiny", null, "multiply", false, List.of(
                    new SalesCycleStage(1, null, null, null, "visit", false, false, null))));
            assertEquals("TINY", created.code());
            assertEquals("MULTIPLY", created.probabilityCalculation());
            assertEquals("VISIT", created.stages().get(0).activityCode());
            assertEquals("TINY", service.get("tiny").code());
            assertEquals("TINY", service.requireAssignable("tiny", "salesCycleCode").code());
            assertTrue(service.findStage("tiny", 1).isPresent());
            assertEquals(2, service.addStage("tiny", stage(2), null).stage().intValue());
        } finally {
            Locale.setDefault(defaultLocale);
        }
    }

    @Test
    public void aBlankCodeNamesNoCycle() {
        service.create(std());
        assertEquals(Optional.empty(), service.find(" "));
        assertEquals(Optional.empty(), service.findStage(" ", 1));
        assertThrows(NotFoundException.class, () -> service.get(" "));
        assertThrows(NotFoundException.class, () -> service.getStage(" ", 1));
        assertThrows(NotFoundException.class, () -> service.update(" ", cycle(null, null), null));
        assertThrows(NotFoundException.class, () -> service.addStage(" ", stage(9), null));
        assertThrows(NotFoundException.class, () -> service.delete(" ", null));
    }

    @Test
    public void aBlankCodeInTheBodyOfAnUpdateIsAChangedKey() {
        service.create(std());
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.update("STD", cycle(" ", null), null));
        assertEquals(List.of("code"), e.errors().stream().map(FieldError::field).toList());
    }
}
