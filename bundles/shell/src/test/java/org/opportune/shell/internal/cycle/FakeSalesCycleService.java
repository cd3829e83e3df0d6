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
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.SortKey;
import org.opportune.api.StaleVersionException;
import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleQuery;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.dateformula.DateFormula;
import org.opportune.api.probability.ProbabilityModel;
import org.opportune.api.probability.ProbabilityModelInfo;

/**
 * An in-memory SalesCycleService, ordered by code, that records the calls the commands make. Its
 * checks and messages follow the cycles module; records marked used refuse to be deleted as a usage
 * check of the opportunities module would.
 */
public final class FakeSalesCycleService implements SalesCycleService {

    /** One call of {@link #update} or {@link #delete}. */
    public record Change(String code, SalesCycle cycle, Long expectedVersion) {
    }

    /** One call of {@link #addStage} or {@link #deleteStage}. */
    public record StageChange(String code, Integer stage, SalesCycleStage values, Long expectedVersion) {
    }

    private final Map<String, SalesCycle> rows = new TreeMap<>();
    private final List<ProbabilityModelInfo> models = new ArrayList<>();
    private final Set<String> usedCycles = new HashSet<>();
    private final Set<String> usedStages = new HashSet<>();
    public final List<SalesCycle> creates = new ArrayList<>();
    public final List<Change> updates = new ArrayList<>();
    public final List<Change> deletes = new ArrayList<>();
    public final List<StageChange> stageAdds = new ArrayList<>();
    public final List<StageChange> stageDeletes = new ArrayList<>();
    public SalesCycleQuery lastQuery;
    public PageRequest lastPage;

    /** Stores a cycle as it is, versions and model availability included. */
    public FakeSalesCycleService with(SalesCycle cycle) {
        rows.put(cycle.code(), cycle);
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
    public SalesCycle create(SalesCycle cycle) {
        creates.add(cycle);
        Violations violations = new Violations().code("code", cycle.code(), SalesCycle.CODE_LENGTH)
                .maxLength("description", cycle.description(), SalesCycle.DESCRIPTION_LENGTH);
        String model = cycle.probabilityCalculation() == null || cycle.probabilityCalculation().isBlank()
                ? SalesCycle.DEFAULT_PROBABILITY_CALCULATION : cycle.probabilityCalculation().trim();
        Optional<String> installed = installedName(model);
        if (installed.isEmpty()) {
            violations.add("probabilityCalculation", "names probability model " + model
                    + ", which is not installed; installed: " + installedNames());
        }
        violations.throwIfAny();
        String code = key(cycle.code());
        if (rows.containsKey(code)) {
            throw new ConflictException("sales cycle " + code + " exists already",
                    List.of(new FieldError("code", "is taken by an existing sales cycle")));
        }
        SalesCycle created = new SalesCycle(code, cycle.description(), installed.get(), cycle.blocked(), true,
                List.of(), 1L);
        rows.put(code, created);
        return created;
    }

    @Override
    public Optional<SalesCycle> find(String code) {
        return Optional.ofNullable(rows.get(key(code)));
    }

    @Override
    public SalesCycle get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("sales cycle", key(code)));
    }

    @Override
    public Page<SalesCycle> list(SalesCycleQuery query, PageRequest page) {
        lastQuery = query;
        lastPage = page;
        for (SortKey sortKey : page.sort()) {
            if (!SORT_FIELDS.contains(sortKey.field())) {
                throw new ValidationException("sort", "unknown sort field '" + sortKey.field() + "'");
            }
        }
        String text = query.text() == null ? null : query.text().toUpperCase(Locale.ROOT);
        List<SalesCycle> matching = rows.values().stream()
                .filter(c -> text == null || c.code().contains(text)
                        || c.description() != null && c.description().toUpperCase(Locale.ROOT).contains(text))
                .filter(c -> query.blocked() == null || c.blocked() == query.blocked())
                .toList();
        return new Page<>(matching.stream().skip(page.offset()).limit(page.limit()).toList(), matching.size(),
                page.offset(), page.limit());
    }

    @Override
    public SalesCycle update(String code, SalesCycle cycle, Long expectedVersion) {
        updates.add(new Change(code, cycle, expectedVersion));
        SalesCycle current = checkedForChange(code, expectedVersion);
        if (cycle.stages() != null) {
            throw new UnsupportedOperationException("no command replaces the stages of a cycle");
        }
        SalesCycle updated = new SalesCycle(current.code(), cycle.description(), cycle.probabilityCalculation(),
                cycle.blocked(), current.probabilityModelAvailable(), current.stages(), current.version() + 1);
        rows.put(current.code(), updated);
        return updated;
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        deletes.add(new Change(code, null, expectedVersion));
        SalesCycle current = checkedForChange(code, expectedVersion);
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
    public SalesCycleStage addStage(String code, SalesCycleStage stage, Long expectedVersion) {
        stageAdds.add(new StageChange(code, stage.stage(), stage, expectedVersion));
        SalesCycle current = checkedForChange(code, expectedVersion);
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
        SalesCycleStage added = new SalesCycleStage(stage.stage(), stage.description(),
                orZero(stage.completedPercent()), orZero(stage.chancesOfSuccessPercent()),
                stage.activityCode() == null ? null : stage.activityCode().toUpperCase(Locale.ROOT),
                stage.quoteRequired(), stage.allowSkip(), dateFormula, 1L);
        List<SalesCycleStage> stages = new ArrayList<>(current.stages());
        stages.add(added);
        stages.sort(Comparator.comparing(SalesCycleStage::stage));
        rows.put(current.code(), changedStages(current, stages));
        return added;
    }

    @Override
    public SalesCycleStage replaceStage(String code, int stage, SalesCycleStage values, Long expectedVersion) {
        throw new UnsupportedOperationException("no command replaces a stage");
    }

    @Override
    public void deleteStage(String code, int stage, Long expectedVersion) {
        stageDeletes.add(new StageChange(code, stage, null, expectedVersion));
        SalesCycle current = get(code);
        SalesCycleStage existing = getStage(code, stage);
        if (expectedVersion != null && !expectedVersion.equals(existing.version())) {
            throw new StaleVersionException("sales cycle stage", current.code() + "/" + stage, existing.version());
        }
        if (usedStages.contains(current.code() + "/" + stage)) {
            throw new ConflictException("sales cycle stage " + current.code() + "/" + stage
                    + " cannot be deleted: 2 opportunities stand at it");
        }
        rows.put(current.code(), changedStages(current,
                current.stages().stream().filter(s -> s.stage() != stage).toList()));
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

    private SalesCycle checkedForChange(String code, Long expectedVersion) {
        SalesCycle current = get(code);
        if (expectedVersion != null && !expectedVersion.equals(current.version())) {
            throw new StaleVersionException("sales cycle", current.code(), current.version());
        }
        return current;
    }

    /** Every change of a stage is a change of its cycle. */
    private static SalesCycle changedStages(SalesCycle cycle, List<SalesCycleStage> stages) {
        return new SalesCycle(cycle.code(), cycle.description(), cycle.probabilityCalculation(), cycle.blocked(),
                cycle.probabilityModelAvailable(), stages, cycle.version() + 1);
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

    private static String key(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }
}
