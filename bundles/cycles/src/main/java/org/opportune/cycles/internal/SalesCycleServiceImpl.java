package org.opportune.cycles.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
import org.opportune.api.caller.CallerContext;
import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleQuery;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.cycle.SalesCycleValues;
import org.opportune.api.cycle.StageValues;
import org.opportune.api.probability.ProbabilityModel;
import org.opportune.api.probability.ProbabilityModelInfo;
import org.opportune.api.task.ActivityService;
import org.opportune.persistence.AdminOnly;
import org.opportune.persistence.AuditTrail;
import org.opportune.persistence.CacheGeneration;
import org.opportune.persistence.ChangeStamp;
import org.opportune.persistence.CodedRecords;
import org.opportune.persistence.JpaUnit;
import org.opportune.persistence.Listing;
import org.opportune.persistence.SchemaMigrations;
import org.opportune.persistence.UsageChecks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.LoggerFactory;

@Component(immediate = true, service = SalesCycleService.class, property = "opportune.module=cycles")
public class SalesCycleServiceImpl implements SalesCycleService {
    private static final String RESOURCE = "sales cycle";
    private static final String STAGE_RESOURCE = "sales cycle stage";

    private static final Listing<SalesCycleEntity> LISTING = new Listing<>(SalesCycleEntity.class,
            Map.of("code", "code", "description", "description", "probabilityCalculation", "probabilityCalculation",
                    "blocked", "blocked"),
            "code");

    private final JpaUnit jpa;
    private final CallerContext callers;
    private final CodedRecords<SalesCycleEntity, SalesCycleView> cycles;
    private final UsageChecks cycleUsageChecks = new UsageChecks(
            LoggerFactory.getLogger(SalesCycleServiceImpl.class)::warn);
    private final UsageChecks stageUsageChecks = new UsageChecks(
            LoggerFactory.getLogger(SalesCycleServiceImpl.class)::warn);
    private final ProbabilityModelRegistry models = new ProbabilityModelRegistry();
    private final ActivityCodes activityCodes = new ActivityCodes();
    private final CacheGeneration generation;
    private final CycleCache cache;

    @Activate
    public SalesCycleServiceImpl(@Reference(target = "(dataSourceName=opportune)") DataSource dataSource,
            @Reference CallerContext callers, @Reference SchemaMigrations migrations) {
        this.jpa = new JpaUnit("opportune-cycles", dataSource, SalesCycleServiceImpl.class.getClassLoader(), migrations);
        this.callers = callers;
        this.cycles = new CodedRecords<>(jpa, callers, SalesCycleEntity.class, RESOURCE, SalesCycle.CODE_LENGTH,
                SalesCycleEntity::new, this::toView);
        // every write of a cycle or a stage bumps it in its transaction; the cache checks it on every use
        this.generation = new CacheGeneration(dataSource, "cycles");
        this.cache = new CycleCache(() -> generation.current(dataSource),
                key -> jpa.read(em -> load(em, key)));
    }

    @Deactivate
    public void close() {
        jpa.close();
    }

    /** Checks come and go at runtime; see {@link UsageChecks} for which ones are asked. */
    @Reference(service = UsageCheck.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, updated = "updatedCycleUsageCheck",
            target = "(" + UsageCheck.RESOURCE + "=" + UsageResources.SALES_CYCLE + ")")
    void addCycleUsageCheck(UsageCheck check, Map<String, Object> properties) {
        cycleUsageChecks.add(check, properties);
    }

    void updatedCycleUsageCheck(UsageCheck check, Map<String, Object> properties) {
        cycleUsageChecks.update(check, properties);
    }

    void removeCycleUsageCheck(UsageCheck check, Map<String, Object> properties) {
        cycleUsageChecks.remove(check);
    }

    /** Checks come and go at runtime; see {@link UsageChecks} for which ones are asked. */
    @Reference(service = UsageCheck.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, updated = "updatedStageUsageCheck",
            target = "(" + UsageCheck.RESOURCE + "=" + UsageResources.SALES_CYCLE_STAGE + ")")
    void addStageUsageCheck(UsageCheck check, Map<String, Object> properties) {
        stageUsageChecks.add(check, properties);
    }

    void updatedStageUsageCheck(UsageCheck check, Map<String, Object> properties) {
        stageUsageChecks.update(check, properties);
    }

    void removeStageUsageCheck(UsageCheck check, Map<String, Object> properties) {
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

    /**
     * The tasks module's activities, which stage activity codes must name: optional, so cycles work while the tasks
     * module is stopped (a stage that takes a code anew is refused meanwhile), and greedy, so a newer service is
     * taken up at once.
     */
    @Reference(service = ActivityService.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeActivityService")
    void addActivityService(ActivityService activities) {
        activityCodes.bind(activities);
    }

    void removeActivityService(ActivityService activities) {
        activityCodes.unbind(activities);
    }

    @Override
    public SalesCycle create(String code, SalesCycleValues values) {
        AdminOnly.require(callers.current(), "creating a sales cycle");
        Objects.requireNonNull(values, "values");
        return cycles.create(code, violations -> {
            String probabilityCalculation = checkFields(violations, values, null);
            List<StageValues> given = values.stages() == null ? List.of() : values.stages();
            Map<Integer, CheckedStage> stages = checkStages(violations, given);
            activityCodes.check(ActivityCodes.takenAnew(given, Map.of())).addFaultsTo(violations);
            return (em, cycle, stamp) -> {
                generation.bump(em);
                cycle.apply(values, probabilityCalculation);
                for (CheckedStage stage : stages.values()) {
                    SalesCycleStageEntity added = new SalesCycleStageEntity(cycle.code(), stage.stage());
                    added.apply(stage);
                    em.persist(stamp.on(added));
                }
            };
        });
    }

    @Override
    public Optional<SalesCycle> find(String code) {
        String key = Codes.normalise(code);
        if (key == null) {
            return Optional.empty();
        }
        // the generation is checked on every call: another node may have changed the cycle
        return cache.find(key).map(this::withModelAvailability);
    }

    @Override
    public SalesCycle get(String code) {
        return find(code).orElseThrow(() -> cycles.notFound(code));
    }

    @Override
    public Page<SalesCycle> list(SalesCycleQuery query, PageRequest page) {
        SalesCycleQuery filter = query == null ? SalesCycleQuery.all() : query;
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
            // the stages of the whole page in one query
            Map<String, List<SalesCycleStageEntity>> stages = stagesOf(em,
                    entities.items().stream().map(SalesCycleEntity::code).toList());
            return entities.map(entity -> entity.toView(stages.getOrDefault(entity.code(), List.of()),
                    models.find(entity.probabilityCalculation()).isPresent()));
        });
    }

    @Override
    public SalesCycle update(String code, SalesCycleValues values, Long expectedVersion) {
        AdminOnly.require(callers.current(), "changing a sales cycle");
        Objects.requireNonNull(values, "values");
        String key = Codes.normalise(code);
        Optional<SalesCycle> current = values.stages() == null ? Optional.empty() : find(key);
        if (values.stages() != null) {
            Set<Integer> kept = values.stages().stream().filter(Objects::nonNull).map(StageValues::stage)
                    .filter(Objects::nonNull).collect(Collectors.toSet());
            current.ifPresent(cycle -> cycle.stages().stream().map(SalesCycleStage::stage)
                    .filter(stage -> !kept.contains(stage)).forEach(stage -> refuseStageDeleteIfUsed(key, stage)));
        }
        // the activity service reads on a connection of its own: asked before the transaction
        ActivityCodes.Checked activities = activityCodes.check(values.stages() == null ? List.of()
                : ActivityCodes.takenAnew(values.stages(),
                        current.map(cycle -> activityCodesOf(cycle.stages())).orElse(Map.of())));
        // the checks need the model the cycle names now, so they run in the change, on the locked cycle
        return cycles.update(key, expectedVersion,
                unused -> (em, cycle, stamp) -> changeCycle(em, cycle, stamp, values, activities));
    }

    private void changeCycle(EntityManager em, SalesCycleEntity cycle, ChangeStamp stamp, SalesCycleValues values,
            ActivityCodes.Checked activities) {
        // first, before the cycle is touched: the bump's statement flushes, and CodedRecords stamps the cycle
        // only if it still has unflushed changes afterwards
        generation.bump(em);
        Violations violations = new Violations();
        String probabilityCalculation = checkFields(violations, values, cycle.probabilityCalculation());
        Map<Integer, CheckedStage> stages = values.stages() == null ? null : checkStages(violations, values.stages());
        List<SalesCycleStageEntity> existing = stages == null ? List.of() : stagesOf(em, cycle.code());
        if (stages != null) {
            // the stages as locked now: a code taken anew that was not asked about before is asked now
            activities.addFaultsTo(violations, ActivityCodes.takenAnew(values.stages(),
                    activityCodesOf(existing.stream().map(SalesCycleStageEntity::toView).toList())));
        }
        violations.throwIfAny();

        boolean stagesChanged = false;
        if (stages != null) {
            for (SalesCycleStageEntity stage : existing) {
                CheckedStage given = stages.get(stage.stage());
                if (given == null) {
                    em.remove(stage);
                    stagesChanged = true;
                } else if (stage.apply(given)) {
                    stamp.on(stage);
                    stagesChanged = true;
                }
                stages.remove(stage.stage());
            }
            for (CheckedStage given : stages.values()) {
                SalesCycleStageEntity added = new SalesCycleStageEntity(cycle.code(), given.stage());
                added.apply(given);
                em.persist(stamp.on(added));
                stagesChanged = true;
            }
        }
        cycle.apply(values, probabilityCalculation);
        if (stagesChanged) {
            stageChanged(em, cycle, stamp);
        }
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        AdminOnly.require(callers.current(), "deleting a sales cycle");
        String key = Codes.normalise(code);
        if (key != null) {
            cycleUsageChecks.refuseDeleteIfUsed(RESOURCE + " " + key, key);
            find(key).ifPresent(cycle -> cycle.stages().forEach(stage -> refuseStageDeleteIfUsed(key, stage.stage())));
        }
        jpa.run(em -> {
            SalesCycleEntity entity = cycles.lockedForChange(em, key, expectedVersion);
            AuditTrail.deleted(em, ChangeStamp.now(callers), cycles.auditEntity(), key, toView(em, entity));
            generation.bump(em);
            stagesOf(em, key).forEach(em::remove);
            em.remove(entity);
        });
    }

    @Override
    public SalesCycle requireAssignable(String code, String field) {
        SalesCycle cycle = cycles.require(code, field, this::find);
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
                new SalesCycleStageKey(key, stage))).map(SalesCycleStageEntity::toView));
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
            return entity.toView();
        });
    }

    @Override
    public SalesCycleStage addStage(String code, StageValues stage, Long expectedVersion) {
        AdminOnly.require(callers.current(), "changing a sales cycle");
        String key = Codes.normalise(code);
        Objects.requireNonNull(stage, "stage");
        // a new stage: its code is asked about before the transaction (the activity service has a connection of
        // its own)
        ActivityCodes.Checked activities = activityCodes.check(ActivityCodes.takenAnew(stage, Map.of()));
        return jpa.inTransaction(em -> {
            SalesCycleEntity cycle = cycles.lockedForChange(em, key, expectedVersion);
            generation.bump(em);
            Violations violations = new Violations();
            CheckedStage values = CheckedStage.check(violations, "", stage);
            activities.addFaultsTo(violations);
            violations.throwIfAny();
            if (em.find(SalesCycleStageEntity.class, new SalesCycleStageKey(key, values.stage())) != null) {
                throw new ConflictException("sales cycle " + key + " has a stage " + values.stage() + " already",
                        List.of(new FieldError("stage", "is taken by an existing stage of sales cycle " + key)));
            }
            ChangeStamp stamp = ChangeStamp.now(callers);
            SalesCycleStageEntity entity = new SalesCycleStageEntity(key, values.stage());
            entity.apply(values);
            em.persist(stamp.on(entity));
            stageChanged(em, cycle, stamp);
            em.flush();
            AuditTrail.changed(em, stamp, cycles.auditEntity(), key, StageAudit.added(entity.toView()));
            return entity.toView();
        });
    }

    @Override
    public SalesCycleStage replaceStage(String code, StageValues values, Long expectedVersion) {
        AdminOnly.require(callers.current(), "changing a sales cycle");
        String key = Codes.normalise(code);
        Objects.requireNonNull(values, "values");
        // a code the stage takes anew is asked about before the transaction; an unchanged one is not asked at all
        ActivityCodes.Checked activities = activityCodes.check(values.stage() == null ? List.of()
                : ActivityCodes.takenAnew(values, findStage(key, values.stage())
                        .map(current -> activityCodesOf(List.of(current))).orElse(Map.of())));
        return jpa.inTransaction(em -> {
            SalesCycleEntity cycle = cycles.lockedForChange(em, key, null);
            generation.bump(em);
            if (values.stage() == null) {
                throw new ValidationException("stage", "is required");
            }
            SalesCycleStageEntity entity = stageForChange(em, key, values.stage(), expectedVersion);
            SalesCycleStageView before = entity.toView();
            Violations violations = new Violations();
            CheckedStage checked = CheckedStage.check(violations, "", values);
            activities.addFaultsTo(violations, ActivityCodes.takenAnew(values, activityCodesOf(List.of(before))));
            violations.throwIfAny();
            if (entity.apply(checked)) {
                ChangeStamp stamp = ChangeStamp.now(callers);
                stamp.on(entity);
                stageChanged(em, cycle, stamp);
                AuditTrail.changed(em, stamp, cycles.auditEntity(), key, StageAudit.changed(before, entity.toView()));
            }
            em.flush();
            return entity.toView();
        });
    }

    @Override
    public void deleteStage(String code, int stage, Long expectedVersion) {
        AdminOnly.require(callers.current(), "changing a sales cycle");
        String key = Codes.normalise(code);
        if (key != null) {
            refuseStageDeleteIfUsed(key, stage);
        }
        jpa.run(em -> {
            SalesCycleEntity cycle = cycles.lockedForChange(em, key, null);
            generation.bump(em);
            SalesCycleStageEntity entity = stageForChange(em, key, stage, expectedVersion);
            em.remove(entity);
            ChangeStamp stamp = ChangeStamp.now(callers);
            stageChanged(em, cycle, stamp);
            AuditTrail.changed(em, stamp, cycles.auditEntity(), key, StageAudit.deleted(entity.toView()));
        });
    }

    @Override
    public List<ProbabilityModelInfo> probabilityModels() {
        return models.installed();
    }

    @Override
    public ProbabilityModel probabilityModel(String code) {
        return probabilityModel(get(code));
    }

    @Override
    public ProbabilityModel probabilityModel(SalesCycle cycle) {
        String name = cycle.probabilityCalculation();
        ProbabilityModel model = models.find(name).orElseThrow(() -> new UnavailableException("probability model "
                + name + " is not available; sales cycle " + cycle.code()
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
    private String checkFields(Violations violations, SalesCycleValues input, String current) {
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
     * Checks the stages of a cycle: every field, numbers not repeated.
     *
     * @return the checked values in ascending order of number
     */
    private static Map<Integer, CheckedStage> checkStages(Violations violations, List<StageValues> stages) {
        Map<Integer, CheckedStage> checked = new TreeMap<>();
        Map<Integer, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            String prefix = "stages[" + i + "].";
            StageValues stage = stages.get(i);
            if (stage == null) {
                violations.add("stages[" + i + "]", "must be a stage, not null");
                continue;
            }
            CheckedStage values = CheckedStage.check(violations, prefix, stage);
            if (stage.stage() == null) {
                continue;
            }
            Integer first = firstIndex.putIfAbsent(stage.stage(), i);
            if (first != null) {
                violations.add(prefix + "stage", "repeats stage " + stage.stage() + " of stages[" + first + "]");
                continue;
            }
            checked.put(values.stage(), values);
        }
        return checked;
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

    /** @return the activity code of each stage (null for none), by stage number */
    private static Map<Integer, String> activityCodesOf(List<? extends SalesCycleStage> stages) {
        Map<Integer, String> codes = new HashMap<>();
        stages.forEach(stage -> codes.put(stage.stage(), stage.activityCode()));
        return codes;
    }

    /** A cached cycle says whether its model is installed now, not when it was read. */
    private SalesCycle withModelAvailability(SalesCycleView cycle) {
        return cycle.withProbabilityModelAvailable(models.find(cycle.probabilityCalculation()).isPresent());
    }

    /** Loads a cycle for the cache. */
    Optional<SalesCycleView> load(EntityManager em, String key) {
        return Optional.ofNullable(em.find(SalesCycleEntity.class, key)).map(entity -> toView(em, entity));
    }

    /** @return how often {@link #find} loaded a cycle rather than serving it from the cache */
    long cacheLoads() {
        return cache.loads();
    }

    private SalesCycleView toView(EntityManager em, SalesCycleEntity entity) {
        return entity.toView(stagesOf(em, entity.code()), models.find(entity.probabilityCalculation()).isPresent());
    }

    /** A change of a stage is a change of its cycle: the cycle's version rises and it carries the stage's stamp. */
    private static void stageChanged(EntityManager em, SalesCycleEntity cycle, ChangeStamp stamp) {
        em.lock(stamp.on(cycle), LockModeType.OPTIMISTIC_FORCE_INCREMENT);
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
