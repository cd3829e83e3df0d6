package org.opportune.shell.internal.cycle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.StaleVersionException;
import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleQuery;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.cycle.SalesCycleValues;
import org.opportune.api.cycle.StageValues;
import org.opportune.api.dateformula.DateFormula;
import org.opportune.api.probability.ProbabilityModel;
import org.opportune.api.probability.ProbabilityModelInfo;
import org.opportune.shell.internal.FakeService;
import org.opportune.shell.internal.Inputs;
import org.opportune.shell.internal.Rows;
import org.opportune.shell.internal.Views;
import org.opportune.shell.internal.Views.SalesCycleView;
import org.opportune.shell.internal.Views.StageView;

/**
 * An in-memory SalesCycleService, ordered by code, that records the calls the commands make. Its
 * checks and messages follow the cycles module; records marked used refuse to be deleted as a usage
 * check of the opportunities module would.
 */
public final class FakeSalesCycleService extends FakeService<SalesCycle, SalesCycleQuery>
        implements SalesCycleService {

    /** One call of {@link #create}, {@link #update} or {@link #delete}: the values sent field by field. */
    public record Change(String code, Map<String, Object> sent, Long expectedVersion) {
    }

    /** One call of {@link #addStage} or {@link #deleteStage}: the stage's values sent field by field. */
    public record StageChange(String code, Integer stage, Map<String, Object> sent, Long expectedVersion) {
    }

    private final List<ProbabilityModelInfo> models = new ArrayList<>();
    private final Set<String> usedCycles = new HashSet<>();
    private final Set<String> usedStages = new HashSet<>();
    public final List<Change> creates = new ArrayList<>();
    public final List<Change> updates = new ArrayList<>();
    public final List<Change> deletes = new ArrayList<>();
    public final List<StageChange> stageAdds = new ArrayList<>();
    public final List<StageChange> stageDeletes = new ArrayList<>();

    public FakeSalesCycleService() {
        super(new Rows<>("sales cycle", SalesCycle::code, SalesCycle::version), SORT_FIELDS);
    }

    /** Stores a cycle as it is, versions and model availability included. */
    public FakeSalesCycleService with(SalesCycle cycle) {
        rows.put(cycle);
        return this;
    }

    /** Registers a probability model as installed. */
    public FakeSalesCycleService withModel(ProbabilityModelInfo model) {
        models.add(model);
        return this;
    }

    /** Makes the usage checks refuse to delete the cycle. */
    public FakeSalesCycleService withOpenOpportunitiesOn(String code) {
        usedCycles.add(code);
        return this;
    }

    /** Makes the usage checks refuse to delete the stage. */
    public FakeSalesCycleService withActiveEntriesAt(String code, int stage) {
        usedStages.add(code + "/" + stage);
        return this;
    }

    @Override
    public SalesCycle create(String givenCode, SalesCycleValues cycle) {
        creates.add(new Change(givenCode, Inputs.fields(cycle), null));
        Violations violations = new Violations().code("code", givenCode, SalesCycle.CODE_LENGTH)
                .maxLength("description", cycle.description(), SalesCycle.DESCRIPTION_LENGTH);
        String model = cycle.probabilityCalculation() == null || cycle.probabilityCalculation().isBlank()
                ? SalesCycle.DEFAULT_PROBABILITY_CALCULATION : cycle.probabilityCalculation().trim();
        Optional<String> installed = installedName(model);
        if (installed.isEmpty()) {
            violations.add("probabilityCalculation", "names probability model " + model
                    + ", which is not installed; installed: " + installedNames());
        }
        violations.throwIfAny();
        String code = Rows.key(givenCode);
        if (rows.contains(code)) {
            throw new ConflictException("sales cycle " + code + " exists already",
                    List.of(new FieldError("code", "is taken by an existing sales cycle")));
        }
        if (cycle.stages() != null) {
            throw new UnsupportedOperationException("no command creates a cycle with stages");
        }
        return rows.put(new SalesCycleView(code, cycle.description(), installed.get(), cycle.blocked(), true,
                List.of(), 1L, changedBy(), Views.COMMITTED));
    }

    @Override
    protected boolean matches(SalesCycleQuery query, SalesCycle cycle) {
        return Rows.matches(query.text(), cycle.code(), cycle.description())
                && (query.blocked() == null || cycle.blocked() == query.blocked());
    }

    @Override
    public SalesCycle update(String code, SalesCycleValues cycle, Long expectedVersion) {
        updates.add(new Change(code, Inputs.fields(cycle), expectedVersion));
        SalesCycle current = rows.current(code, expectedVersion);
        if (cycle.stages() != null) {
            throw new UnsupportedOperationException("no command replaces the stages of a cycle");
        }
        return rows.put(new SalesCycleView(current.code(), cycle.description(), cycle.probabilityCalculation(),
                cycle.blocked(), current.probabilityModelAvailable(), current.stages(), current.version() + 1,
                changedBy(), Views.COMMITTED));
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        deletes.add(new Change(code, null, expectedVersion));
        SalesCycle current = rows.current(code, expectedVersion);
        if (usedCycles.contains(current.code())) {
            throw new ConflictException("sales cycle " + current.code()
                    + " cannot be deleted: it has open opportunities");
        }
        rows.remove(current.code());
    }

    @Override
    public SalesCycle requireAssignable(String code, String field) {
        return get(code);
    }

    @Override
    public Optional<SalesCycleStage> findStage(String code, int stage) {
        return find(code).flatMap(cycle -> cycle.stages().stream().filter(s -> s.stage() == stage).findFirst());
    }

    @Override
    public SalesCycleStage getStage(String code, int stage) {
        SalesCycle cycle = get(code);
        return findStage(code, stage)
                .orElseThrow(() -> new NotFoundException("sales cycle stage", cycle.code() + "/" + stage));
    }

    @Override
    public SalesCycleStage addStage(String code, StageValues stage, Long expectedVersion) {
        stageAdds.add(new StageChange(code, stage.stage(), Inputs.fields(stage), expectedVersion));
        SalesCycle current = rows.current(code, expectedVersion);
        Violations violations = new Violations().required("stage", stage.stage())
                .maxLength("description", stage.description(), SalesCycleStage.DESCRIPTION_LENGTH)
                .percent("completedPercent", stage.completedPercent())
                .percent("chancesOfSuccessPercent", stage.chancesOfSuccessPercent());
        if (stage.stage() != null && stage.stage() < 1) {
            violations.add("stage", "must be 1 or more (got " + stage.stage() + ")");
        }
        String dateFormula = null;
        try {
            DateFormula formula = DateFormula.parse(stage.dateFormula());
            dateFormula = formula.isEmpty() ? null : formula.toString();
        } catch (ValidationException invalid) {
            invalid.errors().forEach(error -> violations.add(error.field(), error.message()));
        }
        violations.throwIfAny();
        if (findStage(current.code(), stage.stage()).isPresent()) {
            throw new ConflictException("sales cycle " + current.code() + " has a stage " + stage.stage()
                    + " already", List.of(new FieldError("stage", "is taken by an existing stage of sales cycle "
                            + current.code())));
        }
        SalesCycleStage added = new StageView(stage.stage(), stage.description(),
                orZero(stage.completedPercent()), orZero(stage.chancesOfSuccessPercent()),
                stage.activityCode() == null ? null : stage.activityCode().toUpperCase(Locale.ROOT),
                stage.quoteRequired(), stage.allowSkip(), dateFormula, stage.maxDaysIdle(), 1L, changedBy(),
                Views.COMMITTED);
        List<SalesCycleStage> stages = new ArrayList<>(current.stages());
        stages.add(added);
        stages.sort(Comparator.comparing(SalesCycleStage::stage));
        rows.put(changedStages(current, stages));
        return added;
    }

    @Override
    public SalesCycleStage replaceStage(String code, StageValues values, Long expectedVersion) {
        throw new UnsupportedOperationException("no command replaces a stage");
    }

    @Override
    public void deleteStage(String code, int stage, Long expectedVersion) {
        stageDeletes.add(new StageChange(code, stage, null, expectedVersion));
        SalesCycle current = get(code);
        SalesCycleStage existing = getStage(code, stage);
        if (expectedVersion != null && expectedVersion != existing.version()) {
            throw new StaleVersionException("sales cycle stage", current.code() + "/" + stage, existing.version());
        }
        if (usedStages.contains(current.code() + "/" + stage)) {
            throw new ConflictException("sales cycle stage " + current.code() + "/" + stage
                    + " cannot be deleted: 2 opportunities stand at it");
        }
        rows.put(changedStages(current, current.stages().stream().filter(s -> s.stage() != stage).toList()));
    }

    @Override
    public List<ProbabilityModelInfo> probabilityModels() {
        return List.copyOf(models);
    }

    @Override
    public ProbabilityModel probabilityModel(String code) {
        throw new UnsupportedOperationException("no command computes probabilities");
    }

    @Override
    public BigDecimal probability(String code, BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent) {
        throw new UnsupportedOperationException("no command computes probabilities");
    }

    /** Every change of a stage is a change of its cycle. */
    private SalesCycle changedStages(SalesCycle cycle, List<SalesCycleStage> stages) {
        return new SalesCycleView(cycle.code(), cycle.description(), cycle.probabilityCalculation(), cycle.blocked(),
                cycle.probabilityModelAvailable(), stages, cycle.version() + 1, changedBy(),
                Views.COMMITTED);
    }

    private Optional<String> installedName(String name) {
        return models.stream().map(ProbabilityModelInfo::name).filter(name::equalsIgnoreCase).findFirst();
    }

    private String installedNames() {
        return models.stream().map(ProbabilityModelInfo::name).distinct().sorted().collect(Collectors.joining(", "));
    }

    private static BigDecimal orZero(BigDecimal percent) {
        return percent == null ? BigDecimal.ZERO : percent;
    }
}
