package org.opportune.cycles.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.criteria.Predicate;
import javax.sql.DataSource;

import org.opportune.api.Codes;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
import org.opportune.api.UsageCheck;
import org.opportune.api.UsageResources;
import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleQuery;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.probability.ProbabilityModel;
import org.opportune.api.probability.ProbabilityModelInfo;
import org.opportune.persistence.JpaUnit;
import org.opportune.persistence.Listing;
import org.opportune.persistence.UsageChecks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

@Component(service = SalesCycleService.class, property = "opportune.module=cycles")
public class SalesCycleServiceImpl implements SalesCycleService {
    private static final String RESOURCE = "sales cycle";
    private static final String STAGE_RESOURCE = "sales cycle stage";

    private static final Listing<SalesCycleEntity> LISTING = new Listing<>(SalesCycleEntity.class,
            Map.of("code", "code", "description", "description", "probabilityCalculation", "probabilityCalculation",
                    "blocked", "blocked"),
            "code");

    private final JpaUnit jpa;
    private final UsageChecks cycleUsageChecks = new UsageChecks();
    private final UsageChecks stageUsageChecks = new UsageChecks();
    private final ProbabilityModelRegistry models = new ProbabilityModelRegistry();
    private final CycleCache cache = new CycleCache();

    @Activate
    public SalesCycleServiceImpl(@Reference(target = "(dataSourceName=opportune)") DataSource dataSource) {
        this.jpa = new JpaUnit("opportune-cycles", dataSource, SalesCycleServiceImpl.class.getClassLoader());
    }

    @Deactivate
    public void close() {
        jpa.close();
    }

    @Reference(service = UsageCheck.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(" + UsageCheck.RESOURCE + "=" + UsageResources.SALES_CYCLE + ")")
    void addCycleUsageCheck(UsageCheck check) {
        cycleUsageChecks.add(check);
    }

    void removeCycleUsageCheck(UsageCheck check) {
        cycleUsageChecks.remove(check);
    }

    @Reference(service = UsageCheck.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            target = "(" + UsageCheck.RESOURCE + "=" + UsageResources.SALES_CYCLE_STAGE + ")")
    void addStageUsageCheck(UsageCheck check) {
        stageUsageChecks.add(check);
    }

    void removeStageUsageCheck(UsageCheck check) {
        stageUsageChecks.remove(check);
    }

    /** Models come and go at runtime; see {@link ProbabilityModelRegistry} for which one a name uses. */
    @Reference(service = ProbabilityModel.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, updated = "updatedProbabilityModel")
    void addProbabilityModel(ProbabilityModel model, Map<String, Object> properties) {
        models.add(model, properties);
    }

    void updatedProbabilityModel(ProbabilityModel model, Map<String, Object> properties) {
        models.update(model, properties);
    }

    void removeProbabilityModel(ProbabilityModel model, Map<String, Object> properties) {
        models.remove(model);
    }

    @Override
    public SalesCycle create(SalesCycle cycle) {
        SalesCycle input = Objects.requireNonNull(cycle, "cycle");
        String code = Codes.normalise(input.code());
        Violations violations = new Violations();
        violations.code("code", input.code(), SalesCycle.CODE_LENGTH);
        String probabilityCalculation = checkFields(violations, input, null);
        if (input.version() != null) {
            violations.add("version", "is set by the server");
        }
        List<SalesCycleStage> givenStages = input.stages() == null ? List.of() : input.stages();
        Map<Integer, StageValues> stages = checkStages(violations, givenStages, Map.of());
        violations.throwIfAny();
        return cache.writing(() -> jpa.inTransaction(em -> {
            if (em.find(SalesCycleEntity.class, code) != null) {
                throw new ConflictException("sales cycle " + code + " exists already",
                        List.of(new FieldError("code", "is taken by an existing sales cycle")));
            }
            SalesCycleEntity entity = new SalesCycleEntity(code);
            entity.apply(input, probabilityCalculation);
            em.persist(entity);
            for (StageValues values : stages.values()) {
                SalesCycleStageEntity stage = new SalesCycleStageEntity(code, values.stage());
                stage.apply(values);
                em.persist(stage);
            }
            em.flush();
            return toRecord(em, entity);
        }));
    }

    @Override
    public Optional<SalesCycle> find(String code) {
        String key = Codes.normalise(code);
        if (key == null) {
            return Optional.empty();
        }
        return cache.find(key, () -> jpa.read(em -> Optional.ofNullable(em.find(SalesCycleEntity.class, key))
                .map(entity -> toRecord(em, entity))))
                .map(this::withModelAvailability);
    }

    @Override
    public SalesCycle get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException(RESOURCE, Codes.normalise(code)));
    }

    @Override
    public Page<SalesCycle> list(SalesCycleQuery query, PageRequest page) {
        SalesCycleQuery filter = query == null ? SalesCycleQuery.ALL : query;
        return jpa.read(em -> {
            Page<SalesCycleEntity> entities = LISTING.page(em, (cb, root) -> {
                List<Predicate> where = new ArrayList<>();
                if (filter.text() != null && !filter.text().isBlank()) {
                    where.add(Listing.containsIgnoreCase(cb, root, filter.text().trim(), "code", "description"));
                }
                if (filter.blocked() != null) {
                    where.add(cb.equal(root.get("blocked"), filter.blocked()));
                }
                return where;
            }, page);
            Map<String, List<SalesCycleStageEntity>> stages = stagesOf(em,
                    entities.items().stream().map(SalesCycleEntity::code).toList());
            return entities.map(entity -> entity.toRecord(stages.getOrDefault(entity.code(), List.of()),
                    models.find(entity.probabilityCalculation()).isPresent()));
        });
    }

    @Override
    public SalesCycle update(String code, SalesCycle cycle, Long expectedVersion) {
        String key = Codes.normalise(code);
        SalesCycle input = Objects.requireNonNull(cycle, "cycle");
        if (input.stages() != null) {
            Set<Integer> kept = input.stages().stream().map(SalesCycleStage::stage).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            find(key).ifPresent(current -> current.stages().stream().map(SalesCycleStage::stage)
                    .filter(stage -> !kept.contains(stage)).forEach(stage -> refuseStageDeleteIfUsed(key, stage)));
        }
        return cache.writing(() -> jpa.inTransaction(em -> {
            SalesCycleEntity entity = lockedForChange(em, key, expectedVersion);
            Violations violations = new Violations();
            if (input.code() != null && !key.equals(Codes.normalise(input.code()))) {
                violations.add("code", "is the key and cannot be changed (path says " + key + ")");
            }
            if (input.version() != null && input.version() != entity.version()) {
                violations.add("version", "is owned by the server (current " + entity.version() + ")");
            }
            String probabilityCalculation = checkFields(violations, input, entity.probabilityCalculation());
            Map<Integer, SalesCycleStageEntity> existing = new LinkedHashMap<>();
            stagesOf(em, key).forEach(stage -> existing.put(stage.stage(), stage));
            Map<Integer, StageValues> stages = input.stages() == null ? null
                    : checkStages(violations, input.stages(), existing);
            violations.throwIfAny();

            boolean stagesChanged = false;
            if (stages != null) {
                for (SalesCycleStageEntity stage : existing.values()) {
                    if (!stages.containsKey(stage.stage())) {
                        em.remove(stage);
                        stagesChanged = true;
                    }
                }
                for (StageValues values : stages.values()) {
                    SalesCycleStageEntity stage = existing.get(values.stage());
                    if (stage == null) {
                        stage = new SalesCycleStageEntity(key, values.stage());
                        em.persist(stage);
                    }
                    stagesChanged |= stage.apply(values);
                }
            }
            entity.apply(input, probabilityCalculation);
            if (stagesChanged) {
                em.lock(entity, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            }
            em.flush();
            return toRecord(em, entity);
        }));
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        String key = Codes.normalise(code);
        if (key != null) {
            cycleUsageChecks.refuseDeleteIfUsed(RESOURCE + " " + key, key);
            find(key).ifPresent(cycle -> cycle.stages().forEach(stage -> refuseStageDeleteIfUsed(key, stage.stage())));
        }
        cache.writing(() -> jpa.inTransaction(em -> {
            SalesCycleEntity entity = lockedForChange(em, key, expectedVersion);
            stagesOf(em, key).forEach(em::remove);
            em.remove(entity);
            return null;
        }));
    }

    @Override
    public SalesCycle requireAssignable(String code, String field) {
        String key = Codes.normalise(code);
        if (key == null) {
            throw new ValidationException(field, "is required");
        }
        SalesCycle cycle = find(key).orElseThrow(() -> new ValidationException(field,
                "names sales cycle " + key + ", which does not exist"));
        if (cycle.blocked()) {
            throw new ConflictException("sales cycle " + cycle.code() + " is blocked",
                    List.of(new FieldError(field, "names sales cycle " + cycle.code()
                            + ", which is blocked and cannot be given to new or changed opportunities")));
        }
        return cycle;
    }

    @Override
    public Optional<SalesCycleStage> findStage(String code, int stage) {
        String key = Codes.normalise(code);
        if (key == null) {
            return Optional.empty();
        }
        return jpa.read(em -> Optional.ofNullable(em.find(SalesCycleStageEntity.class,
                new SalesCycleStageKey(key, stage))).map(SalesCycleStageEntity::toRecord));
    }

    @Override
    public SalesCycleStage getStage(String code, int stage) {
        String key = Codes.normalise(code);
        return jpa.read(em -> {
            if (key == null || em.find(SalesCycleEntity.class, key) == null) {
                throw new NotFoundException(RESOURCE, key);
            }
            SalesCycleStageEntity entity = em.find(SalesCycleStageEntity.class, new SalesCycleStageKey(key, stage));
            if (entity == null) {
                throw new NotFoundException(STAGE_RESOURCE, key + "/" + stage);
            }
            return entity.toRecord();
        });
    }

    @Override
    public SalesCycleStage addStage(String code, SalesCycleStage stage, Long expectedVersion) {
        String key = Codes.normalise(code);
        SalesCycleStage input = Objects.requireNonNull(stage, "stage");
        return cache.writing(() -> jpa.inTransaction(em -> {
            SalesCycleEntity cycle = lockedForChange(em, key, expectedVersion);
            Violations violations = new Violations();
            StageValues values = StageValues.check(violations, "", input);
            if (input.version() != null) {
                violations.add("version", "is set by the server");
            }
            violations.throwIfAny();
            if (em.find(SalesCycleStageEntity.class, new SalesCycleStageKey(key, values.stage())) != null) {
                throw new ConflictException("sales cycle " + key + " has a stage " + values.stage() + " already",
                        List.of(new FieldError("stage", "is taken by an existing stage of sales cycle " + key)));
            }
            SalesCycleStageEntity entity = new SalesCycleStageEntity(key, values.stage());
            entity.apply(values);
            em.persist(entity);
            em.lock(cycle, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            em.flush();
            return entity.toRecord();
        }));
    }

    @Override
    public SalesCycleStage replaceStage(String code, int stage, SalesCycleStage values, Long expectedVersion) {
        String key = Codes.normalise(code);
        SalesCycleStage input = Objects.requireNonNull(values, "values");
        return cache.writing(() -> jpa.inTransaction(em -> {
            SalesCycleEntity cycle = lockedForChange(em, key, null);
            SalesCycleStageEntity entity = stageForChange(em, key, stage, expectedVersion);
            Violations violations = new Violations();
            if (input.stage() != null && input.stage() != stage) {
                violations.add("stage", "is the key and cannot be changed (path says " + stage + ")");
            }
            if (input.version() != null && input.version() != entity.version()) {
                violations.add("version", "is owned by the server (current " + entity.version() + ")");
            }
            StageValues checked = StageValues.check(violations, "", input.stage() == null ? withNumber(input, stage)
                    : input);
            violations.throwIfAny();
            if (entity.apply(checked)) {
                em.lock(cycle, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            }
            em.flush();
            return entity.toRecord();
        }));
    }

    @Override
    public void deleteStage(String code, int stage, Long expectedVersion) {
        String key = Codes.normalise(code);
        if (key != null) {
            refuseStageDeleteIfUsed(key, stage);
        }
        cache.writing(() -> jpa.inTransaction(em -> {
            SalesCycleEntity cycle = lockedForChange(em, key, null);
            SalesCycleStageEntity entity = stageForChange(em, key, stage, expectedVersion);
            em.remove(entity);
            em.lock(cycle, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            return null;
        }));
    }

    @Override
    public List<ProbabilityModelInfo> probabilityModels() {
        return models.installed();
    }

    @Override
    public ProbabilityModel probabilityModel(String code) {
        String name = get(code).probabilityCalculation();
        ProbabilityModel model = models.find(name).orElseThrow(() -> new UnavailableException("probability model "
                + name + " is not available; sales cycle " + Codes.normalise(code)
                + " cannot compute probabilities until it is installed again (installed: " + models.installedNames()
                + ")"));
        return new GuardedProbabilityModel(model, name);
    }

    @Override
    public BigDecimal probability(String code, BigDecimal completedPercent, BigDecimal chancesOfSuccessPercent) {
        Objects.requireNonNull(completedPercent, "completedPercent");
        Objects.requireNonNull(chancesOfSuccessPercent, "chancesOfSuccessPercent");
        return probabilityModel(code).probability(completedPercent, chancesOfSuccessPercent);
    }

    /**
     * Checks the cycle's own fields.
     *
     * @param current the model the cycle names now (null on create): kept even when not installed
     * @return the model name to store
     */
    private String checkFields(Violations violations, SalesCycle input, String current) {
        violations.maxLength("description", input.description(), SalesCycle.DESCRIPTION_LENGTH);
        String given = input.probabilityCalculation() == null || input.probabilityCalculation().isBlank()
                ? SalesCycle.DEFAULT_PROBABILITY_CALCULATION : input.probabilityCalculation().trim();
        if (given.equalsIgnoreCase(current)) {
            return current; // unchanged: a model that has gone away must not block other edits
        }
        violations.maxLength("probabilityCalculation", given, SalesCycle.PROBABILITY_CALCULATION_LENGTH);
        Optional<String> installed = models.installedName(given);
        if (installed.isEmpty()) {
            violations.add("probabilityCalculation", "names probability model " + given
                    + ", which is not installed; installed: " + models.installedNames());
        }
        return installed.orElse(given);
    }

    /**
     * Checks the stages of a cycle: every field, numbers not repeated, versions as read.
     *
     * @param existing the stages stored now, by number (empty on create)
     * @return the checked values in ascending order of number
     */
    private static Map<Integer, StageValues> checkStages(Violations violations, List<SalesCycleStage> stages,
            Map<Integer, SalesCycleStageEntity> existing) {
        Map<Integer, StageValues> checked = new HashMap<>();
        Map<Integer, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            String prefix = "stages[" + i + "].";
            SalesCycleStage stage = stages.get(i);
            if (stage == null) {
                violations.add("stages[" + i + "]", "must be a stage, not null");
                continue;
            }
            StageValues values = StageValues.check(violations, prefix, stage);
            if (stage.stage() == null) {
                continue;
            }
            Integer first = firstIndex.putIfAbsent(stage.stage(), i);
            if (first != null) {
                violations.add(prefix + "stage", "repeats stage " + stage.stage() + " of stages[" + first + "]");
                continue;
            }
            SalesCycleStageEntity stored = existing.get(stage.stage());
            if (stage.version() != null && stored == null) {
                violations.add(prefix + "version", "is set by the server");
            } else if (stage.version() != null && stage.version() != stored.version()) {
                violations.add(prefix + "version", "is owned by the server (current " + stored.version() + ")");
            }
            checked.put(values.stage(), values);
        }
        Map<Integer, StageValues> ordered = new LinkedHashMap<>();
        checked.keySet().stream().sorted().forEach(number -> ordered.put(number, checked.get(number)));
        return ordered;
    }

    /**
     * Usage checks ask other modules, which read on connections of their own, so every delete asks them before its
     * transaction: a request never holds two pooled connections (see README, the connection pool). The race that
     * remains is NAV's too: a record taken into use between the check and the delete's commit is deleted anyway.
     */
    private void refuseStageDeleteIfUsed(String cycle, int stage) {
        String key = new SalesCycleStageKey(cycle, stage).toString();
        stageUsageChecks.refuseDeleteIfUsed(STAGE_RESOURCE + " " + key, key);
    }

    private static SalesCycleStage withNumber(SalesCycleStage input, int stage) {
        return new SalesCycleStage(stage, input.description(), input.completedPercent(),
                input.chancesOfSuccessPercent(), input.activityCode(), input.quoteRequired(), input.allowSkip(),
                input.dateFormula(), input.version());
    }

    /** A cached cycle says whether its model is installed now, not when it was read. */
    private SalesCycle withModelAvailability(SalesCycle cycle) {
        boolean available = models.find(cycle.probabilityCalculation()).isPresent();
        return available == cycle.probabilityModelAvailable() ? cycle
                : new SalesCycle(cycle.code(), cycle.description(), cycle.probabilityCalculation(), cycle.blocked(),
                        available, cycle.stages(), cycle.version());
    }

    private SalesCycle toRecord(EntityManager em, SalesCycleEntity entity) {
        return entity.toRecord(stagesOf(em, entity.code()), models.find(entity.probabilityCalculation()).isPresent());
    }

    private static List<SalesCycleStageEntity> stagesOf(EntityManager em, String code) {
        return em.createQuery("SELECT s FROM SalesCycleStageEntity s WHERE s.salesCycleCode = :code"
                + " ORDER BY s.stage", SalesCycleStageEntity.class).setParameter("code", code).getResultList();
    }

    private static Map<String, List<SalesCycleStageEntity>> stagesOf(EntityManager em, List<String> codes) {
        Map<String, List<SalesCycleStageEntity>> stages = new HashMap<>();
        if (!codes.isEmpty()) {
            em.createQuery("SELECT s FROM SalesCycleStageEntity s WHERE s.salesCycleCode IN :codes"
                    + " ORDER BY s.salesCycleCode, s.stage", SalesCycleStageEntity.class)
                    .setParameter("codes", codes).getResultList()
                    .forEach(stage -> stages.computeIfAbsent(stage.key().salesCycleCode(), c -> new ArrayList<>())
                            .add(stage));
        }
        return stages;
    }

    private static SalesCycleEntity lockedForChange(EntityManager em, String key, Long expectedVersion) {
        SalesCycleEntity entity = key == null ? null
                : em.find(SalesCycleEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw new NotFoundException(RESOURCE, key);
        }
        if (expectedVersion != null && expectedVersion != entity.version()) {
            throw new StaleVersionException(RESOURCE, key, entity.version());
        }
        return entity;
    }

    /** The stage, once its cycle is locked: every stage change locks the cycle first. */
    private static SalesCycleStageEntity stageForChange(EntityManager em, String key, int stage, Long expectedVersion) {
        SalesCycleStageEntity entity = em.find(SalesCycleStageEntity.class, new SalesCycleStageKey(key, stage));
        if (entity == null) {
            throw new NotFoundException(STAGE_RESOURCE, key + "/" + stage);
        }
        if (expectedVersion != null && expectedVersion != entity.version()) {
            throw new StaleVersionException(STAGE_RESOURCE, key + "/" + stage, entity.version());
        }
        return entity;
    }
}
