package org.opportune.rest.internal.resources;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.SortKey;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
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
 * An in-memory SalesCycleService that refuses what the cycles module refuses, with the same field
 * names and exceptions (see SalesCycleServiceImpl and StageValues there): percentages, stage numbers,
 * date formulas via the API's {@link DateFormula}, repeated stage numbers, unknown probability models,
 * versions. Cycles whose {@link #inUse} contains their code cannot be deleted.
 */
final class FakeSalesCycleService implements SalesCycleService {

    /** A registered model as the cycles module keeps it. */
    record Registration(ProbabilityModel model, String bundle, int ranking) {
    }

    private final Map<String, Cycle> rows = new TreeMap<>();
    private final List<Registration> models = new ArrayList<>();
    final List<String> inUse = new ArrayList<>();
    final List<Long> expectedVersions = new ArrayList<>();

    /** A stored cycle: its fields, its stages by number, its version. */
    private static final class Cycle {
        String code;
        String description;
        String probabilityCalculation;
        boolean blocked;
        long version = 1;
        final TreeMap<Integer, SalesCycleStage> stages = new TreeMap<>();
    }

    FakeSalesCycleService() {
        install(model("MULTIPLY", "chances × completed / 100"), "org.opportune.cycles", 0);
        install(model("ADD", "(chances + completed) / 2"), "org.opportune.cycles", 0);
    }

    synchronized void install(ProbabilityModel model, String bundle, int ranking) {
        models.add(new Registration(model, bundle, ranking));
    }

    synchronized void uninstall(String name) {
        models.removeIf(registration -> registration.model().name().equalsIgnoreCase(name));
    }

    static ProbabilityModel model(String name, String description) {
        return new ProbabilityModel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public BigDecimal probability(BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent) {
                return completedPercent.multiply(chancesOfSuccessPercent).divide(BigDecimal.valueOf(100));
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    @Override
    public synchronized SalesCycle create(SalesCycle cycle) {
        Violations violations = new Violations().code("code", cycle.code(), SalesCycle.CODE_LENGTH);
        String model = checkFields(violations, cycle, null);
        if (cycle.version() != null) {
            violations.add("version", "is set by the server");
        }
        Map<Integer, SalesCycleStage> stages = checkStages(violations,
                cycle.stages() == null ? List.of() : cycle.stages(), Map.of());
        violations.throwIfAny();
        String code = normalised(cycle.code());
        if (rows.containsKey(code)) {
            throw new ConflictException("sales cycle " + code + " exists already",
                    List.of(new FieldError("code", "is taken by an existing sales cycle")));
        }
        Cycle row = new Cycle();
        row.code = code;
        apply(row, cycle, model);
        stages.values().forEach(stage -> row.stages.put(stage.stage(), versioned(stage, 1)));
        rows.put(code, row);
        return toRecord(row);
    }

    @Override
    public synchronized Optional<SalesCycle> find(String code) {
        return Optional.ofNullable(rows.get(normalised(code))).map(this::toRecord);
    }

    @Override
    public SalesCycle get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("sales cycle", normalised(code)));
    }

    @Override
    public synchronized Page<SalesCycle> list(SalesCycleQuery query, PageRequest page) {
        for (SortKey key : page.sort()) {
            if (!SORT_FIELDS.contains(key.field())) {
                throw new ValidationException("sort", "unknown sort field '" + key.field() + "'; sortable: "
                        + SORT_FIELDS.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
        String text = query.text() == null ? null : query.text().toUpperCase(Locale.ROOT);
        List<SalesCycle> matching = rows.values().stream()
                .filter(c -> text == null || c.code.contains(text)
                        || c.description != null && c.description.toUpperCase(Locale.ROOT).contains(text))
                .filter(c -> query.blocked() == null || c.blocked == query.blocked())
                .map(this::toRecord).toList();
        return new Page<>(matching.stream().skip(page.offset()).limit(page.limit()).toList(), matching.size(),
                page.offset(), page.limit());
    }

    @Override
    public synchronized SalesCycle update(String code, SalesCycle cycle, Long expectedVersion) {
        expectedVersions.add(expectedVersion);
        Cycle row = forChange(code, expectedVersion);
        Violations violations = new Violations();
        if (cycle.code() != null && !normalised(cycle.code()).equals(row.code)) {
            violations.add("code", "is the key and cannot be changed (path says " + row.code + ")");
        }
        if (cycle.version() != null && cycle.version() != row.version) {
            violations.add("version", "is owned by the server (current " + row.version + ")");
        }
        String model = checkFields(violations, cycle, row.probabilityCalculation);
        Map<Integer, SalesCycleStage> stages = cycle.stages() == null ? null
                : checkStages(violations, cycle.stages(), row.stages);
        violations.throwIfAny();
        apply(row, cycle, model);
        if (stages != null) {
            TreeMap<Integer, SalesCycleStage> next = new TreeMap<>();
            stages.values().forEach(stage -> {
                SalesCycleStage stored = row.stages.get(stage.stage());
                next.put(stage.stage(), stored == null ? versioned(stage, 1)
                        : sameValues(stored, stage) ? stored : versioned(stage, stored.version() + 1));
            });
            row.stages.clear();
            row.stages.putAll(next);
        }
        row.version++;
        return toRecord(row);
    }

    @Override
    public synchronized void delete(String code, Long expectedVersion) {
        Cycle row = forChange(code, expectedVersion);
        if (inUse.contains(row.code)) {
            throw new ConflictException("sales cycle " + row.code + " is in use: it has open opportunities");
        }
        rows.remove(row.code);
    }

    @Override
    public SalesCycle requireAssignable(String code, String field) {
        SalesCycle cycle = find(code).orElseThrow(() -> new ValidationException(field,
                "names sales cycle " + normalised(code) + ", which does not exist"));
        if (cycle.blocked()) {
            throw new ConflictException("sales cycle " + cycle.code() + " is blocked");
        }
        return cycle;
    }

    @Override
    public synchronized Optional<SalesCycleStage> findStage(String code, int stage) {
        Cycle row = rows.get(normalised(code));
        return row == null ? Optional.empty() : Optional.ofNullable(row.stages.get(stage));
    }

    @Override
    public synchronized SalesCycleStage getStage(String code, int stage) {
        return stageOf(cycle(code), stage);
    }

    @Override
    public synchronized SalesCycleStage addStage(String code, SalesCycleStage stage, Long expectedVersion) {
        Cycle row = forChange(code, expectedVersion);
        Violations violations = new Violations();
        SalesCycleStage values = checkStage(violations, "", stage);
        if (stage.version() != null) {
            violations.add("version", "is set by the server");
        }
        violations.throwIfAny();
        if (row.stages.containsKey(values.stage())) {
            throw new ConflictException("sales cycle " + row.code + " has a stage " + values.stage() + " already",
                    List.of(new FieldError("stage", "is taken by an existing stage of sales cycle " + row.code)));
        }
        SalesCycleStage added = versioned(values, 1);
        row.stages.put(added.stage(), added);
        row.version++;
        return added;
    }

    @Override
    public synchronized SalesCycleStage replaceStage(String code, int stage, SalesCycleStage values,
            Long expectedVersion) {
        expectedVersions.add(expectedVersion);
        Cycle row = cycle(code);
        SalesCycleStage stored = stageOf(row, stage);
        if (expectedVersion != null && expectedVersion != stored.version()) {
            throw new StaleVersionException("sales cycle stage", row.code + "/" + stage, stored.version());
        }
        Violations violations = new Violations();
        if (values.stage() != null && values.stage() != stage) {
            violations.add("stage", "is the key and cannot be changed (path says " + stage + ")");
        }
        if (values.version() != null && !values.version().equals(stored.version())) {
            violations.add("version", "is owned by the server (current " + stored.version() + ")");
        }
        SalesCycleStage checked = checkStage(violations, "", withNumber(values, stage));
        violations.throwIfAny();
        if (sameValues(stored, checked)) {
            return stored;
        }
        SalesCycleStage replaced = versioned(checked, stored.version() + 1);
        row.stages.put(stage, replaced);
        row.version++;
        return replaced;
    }

    @Override
    public synchronized void deleteStage(String code, int stage, Long expectedVersion) {
        Cycle row = cycle(code);
        SalesCycleStage stored = stageOf(row, stage);
        if (expectedVersion != null && expectedVersion != stored.version()) {
            throw new StaleVersionException("sales cycle stage", row.code + "/" + stage, stored.version());
        }
        row.stages.remove(stage);
        row.version++;
    }

    @Override
    public synchronized List<ProbabilityModelInfo> probabilityModels() {
        List<ProbabilityModelInfo> infos = new ArrayList<>();
        String previous = null;
        for (Registration registration : models.stream().sorted(Comparator
                .comparing((Registration r) -> r.model().name().toUpperCase(Locale.ROOT))
                .thenComparing(Comparator.comparingInt(Registration::ranking).reversed())).toList()) {
            String name = registration.model().name();
            infos.add(new ProbabilityModelInfo(name, registration.model().description(), registration.bundle(),
                    registration.ranking(), !name.equalsIgnoreCase(previous)));
            previous = name;
        }
        return infos;
    }

    @Override
    public ProbabilityModel probabilityModel(String code) {
        String name = get(code).probabilityCalculation();
        return installed(name).orElseThrow(() -> new UnavailableException("probability model " + name
                + " is not available"));
    }

    @Override
    public BigDecimal probability(String code, BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent) {
        return probabilityModel(code).probability(completedPercent, chancesOfSuccessPercent);
    }

    private synchronized Optional<ProbabilityModel> installed(String name) {
        return models.stream().filter(r -> r.model().name().equalsIgnoreCase(name.trim()))
                .max(Comparator.comparingInt(Registration::ranking)).map(Registration::model);
    }

    private String checkFields(Violations violations, SalesCycle cycle, String current) {
        violations.maxLength("description", cycle.description(), SalesCycle.DESCRIPTION_LENGTH);
        String given = cycle.probabilityCalculation() == null || cycle.probabilityCalculation().isBlank()
                ? SalesCycle.DEFAULT_PROBABILITY_CALCULATION : cycle.probabilityCalculation().trim();
        if (given.equalsIgnoreCase(current)) {
            return current;
        }
        Optional<ProbabilityModel> model = installed(given);
        if (model.isEmpty()) {
            violations.add("probabilityCalculation", "names probability model " + given
                    + ", which is not installed; installed: " + installedNames());
        }
        return model.map(ProbabilityModel::name).orElse(given);
    }

    private String installedNames() {
        return probabilityModels().stream().filter(ProbabilityModelInfo::active).map(ProbabilityModelInfo::name)
                .sorted().collect(Collectors.joining(", "));
    }

    private static Map<Integer, SalesCycleStage> checkStages(Violations violations, List<SalesCycleStage> stages,
            Map<Integer, SalesCycleStage> existing) {
        Map<Integer, SalesCycleStage> checked = new TreeMap<>();
        Map<Integer, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            SalesCycleStage stage = stages.get(i);
            if (stage == null) {
                violations.add("stages[" + i + "]", "must be a stage, not null");
                continue;
            }
            String prefix = "stages[" + i + "].";
            SalesCycleStage values = checkStage(violations, prefix, stage);
            if (stage.stage() == null) {
                continue;
            }
            Integer first = firstIndex.putIfAbsent(stage.stage(), i);
            if (first != null) {
                violations.add(prefix + "stage", "repeats stage " + stage.stage() + " of stages[" + first + "]");
                continue;
            }
            SalesCycleStage stored = existing.get(stage.stage());
            if (stage.version() != null && (stored == null || !stage.version().equals(stored.version()))) {
                violations.add(prefix + "version", stored == null ? "is set by the server"
                        : "is owned by the server (current " + stored.version() + ")");
            }
            checked.put(values.stage(), values);
        }
        return checked;
    }

    /** Like StageValues.check: the values normalised, every fault added to {@code violations}. */
    private static SalesCycleStage checkStage(Violations violations, String prefix, SalesCycleStage stage) {
        violations.required(prefix + "stage", stage.stage());
        if (stage.stage() != null && stage.stage() < 1) {
            violations.add(prefix + "stage", "must be 1 or more (got " + stage.stage() + ")");
        }
        violations.maxLength(prefix + "description", stage.description(), SalesCycleStage.DESCRIPTION_LENGTH)
                .percent(prefix + "completedPercent", stage.completedPercent())
                .percent(prefix + "chancesOfSuccessPercent", stage.chancesOfSuccessPercent());
        String formula = null;
        try {
            DateFormula parsed = DateFormula.parse(stage.dateFormula(), prefix + "dateFormula");
            formula = parsed.isEmpty() ? null : parsed.toString();
        } catch (ValidationException e) {
            e.errors().forEach(error -> violations.add(error.field(), error.message()));
        }
        String activityCode = stage.activityCode() == null || stage.activityCode().isBlank() ? null
                : stage.activityCode().trim().toUpperCase(Locale.ROOT);
        return new SalesCycleStage(stage.stage(), stage.description(), orZero(stage.completedPercent()),
                orZero(stage.chancesOfSuccessPercent()), activityCode, stage.quoteRequired(), stage.allowSkip(),
                formula, null);
    }

    private static BigDecimal orZero(BigDecimal percent) {
        return percent == null ? BigDecimal.ZERO : percent;
    }

    private static SalesCycleStage withNumber(SalesCycleStage values, int stage) {
        return new SalesCycleStage(stage, values.description(), values.completedPercent(),
                values.chancesOfSuccessPercent(), values.activityCode(), values.quoteRequired(), values.allowSkip(),
                values.dateFormula(), values.version());
    }

    private static SalesCycleStage versioned(SalesCycleStage stage, long version) {
        return new SalesCycleStage(stage.stage(), stage.description(), stage.completedPercent(),
                stage.chancesOfSuccessPercent(), stage.activityCode(), stage.quoteRequired(), stage.allowSkip(),
                stage.dateFormula(), version);
    }

    private static boolean sameValues(SalesCycleStage a, SalesCycleStage b) {
        return Objects.equals(a.description(), b.description())
                && a.completedPercent().compareTo(b.completedPercent()) == 0
                && a.chancesOfSuccessPercent().compareTo(b.chancesOfSuccessPercent()) == 0
                && Objects.equals(a.activityCode(), b.activityCode()) && a.quoteRequired() == b.quoteRequired()
                && a.allowSkip() == b.allowSkip() && Objects.equals(a.dateFormula(), b.dateFormula());
    }

    private static void apply(Cycle row, SalesCycle cycle, String model) {
        row.description = cycle.description();
        row.probabilityCalculation = model;
        row.blocked = cycle.blocked();
    }

    private Cycle cycle(String code) {
        Cycle row = rows.get(normalised(code));
        if (row == null) {
            throw new NotFoundException("sales cycle", normalised(code));
        }
        return row;
    }

    private Cycle forChange(String code, Long expectedVersion) {
        Cycle row = cycle(code);
        if (expectedVersion != null && expectedVersion != row.version) {
            throw new StaleVersionException("sales cycle", row.code, row.version);
        }
        return row;
    }

    private static SalesCycleStage stageOf(Cycle row, int stage) {
        SalesCycleStage stored = row.stages.get(stage);
        if (stored == null) {
            throw new NotFoundException("sales cycle stage", row.code + "/" + stage);
        }
        return stored;
    }

    private SalesCycle toRecord(Cycle row) {
        return new SalesCycle(row.code, row.description, row.probabilityCalculation, row.blocked,
                installed(row.probabilityCalculation).isPresent(), List.copyOf(row.stages.values()), row.version);
    }

    private static String normalised(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }
}
