package org.opportune.opportunities.internal;

import static org.opportune.api.Codes.normalise;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.CallerContext;
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.MoveParticipant;
import org.opportune.api.opportunity.NewOpportunity;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityChange;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityEvents;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.opportunity.UpdateOption;
import org.opportune.api.opportunity.UpdateOptions;
import org.opportune.api.rule.TransitionRule;
import org.opportune.api.rule.TransitionRuleInfo;
import org.opportune.opportunities.internal.engine.ClosePlanner;
import org.opportune.opportunities.internal.engine.CycleStages;
import org.opportune.opportunities.internal.engine.Inputs;
import org.opportune.opportunities.internal.engine.MovePlanner;
import org.opportune.opportunities.internal.engine.MovePlanner.Mode;
import org.opportune.opportunities.internal.engine.MovePlanner.Move;
import org.opportune.opportunities.internal.engine.PlannedEntry;
import org.opportune.opportunities.internal.engine.Probability;
import org.opportune.opportunities.internal.engine.TransitionRules;
import org.opportune.persistence.AuditTrail;
import org.opportune.persistence.ChangeStamp;
import org.opportune.persistence.Listing;
import org.opportune.persistence.NumberPattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The processing engine's front: one transaction per call. Every change of an opportunity or its
 * entries first locks the opportunity row ({@code SELECT … FOR UPDATE}) and checks the expected
 * version, so concurrent changes of one opportunity run one after the other and each sees the
 * state the previous one committed: there is never more than one active entry, and no update is
 * lost. Every move (a create with activation, an activation, an update, a close) is offered to the
 * {@link MoveParticipant}s once its entry is written, before the commit, on the connection they join
 * ({@link org.opportune.persistence.SharedTransactions}); a deletion is offered to them before anything of the
 * opportunity is deleted; events are posted after the commit. A move into a stage that names an activity is refused
 * (503) while no participant {@value MoveParticipant#TASKS} takes part.
 * Every row a call writes records the bound caller and the time as its {@code changedBy} and
 * {@code changedAt}.
 * <p>
 * Every call covers the opportunities its caller may see or change (DOMAIN §12, see {@link Ownership}): another
 * salesperson's opportunity is missing for a salesperson, for every read and write; a viewer or a caller without an
 * Opportune role is refused every write before anything is written. A deletion is written to the audit log in its
 * transaction.
 * <p>
 * Only the tables are mandatory. The other modules are optional and dynamic: reads, lists, entries
 * and deletes keep working without them, and a call that needs a missing one is refused with 503
 * naming it, writing nothing.
 */
@Component(immediate = true, service = OpportunityService.class, configurationPid = OpportunitiesConfig.PID,
        property = "opportune.module=opportunities")
@Designate(ocd = OpportunitiesConfig.class)
public class OpportunityServiceImpl implements OpportunityService {
    private static final String RESOURCE = "opportunity";
    private static final String SERIES = "OPPORTUNITY";

    private static final Listing<OpportunityEntity> LISTING = new Listing<>(OpportunityEntity.class,
            sameNames(SORT_FIELDS), "no");

    private static final Listing<OpportunityEntryEntity> ENTRY_LISTING = new Listing<>(OpportunityEntryEntity.class,
            sameNames(ENTRY_SORT_FIELDS), "entryNo");

    private final OpportunityStore store;
    private final NumberPattern numbers;
    private final TransitionRules rules = new TransitionRules();
    private final MovePlanner planner = new MovePlanner(rules);
    private final MoveParticipants participants = new MoveParticipants();

    private final Modules modules;
    private final CallerContext callers;
    private final Ownership ownership;
    private final CycleCodeHints cycleCodes = new CycleCodeHints(this::cycleCodeOf);
    private final OpportunityChanges changes;

    @Activate
    public OpportunityServiceImpl(@Reference OpportunityStore store, @Reference Modules modules,
            @Reference CallerContext callers, OpportunitiesConfig config) {
        this.store = store;
        this.modules = modules;
        this.callers = callers;
        this.ownership = new Ownership(modules, callers);
        this.changes = new OpportunityChanges(modules);
        this.numbers = NumberPattern.configured(OpportunitiesConfig.PID, config.numberPrefix(), config.numberDigits());
    }

    /** Rules come and go at runtime; see {@link TransitionRules} for which ones are evaluated. */
    @Reference(service = TransitionRule.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, updated = "updatedTransitionRule")
    void addTransitionRule(TransitionRule rule, Map<String, Object> properties) {
        rules.add(rule, properties);
    }

    void updatedTransitionRule(TransitionRule rule, Map<String, Object> properties) {
        rules.update(rule, properties);
    }

    void removeTransitionRule(TransitionRule rule, Map<String, Object> properties) {
        rules.remove(rule);
    }

    /** Participants come and go at runtime; see {@link MoveParticipants} for which ones are called. */
    @Reference(service = MoveParticipant.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, updated = "updatedMoveParticipant")
    void addMoveParticipant(MoveParticipant participant, Map<String, Object> properties) {
        participants.add(participant, properties);
    }

    void updatedMoveParticipant(MoveParticipant participant, Map<String, Object> properties) {
        participants.update(participant, properties);
    }

    void removeMoveParticipant(MoveParticipant participant, Map<String, Object> properties) {
        participants.remove(participant);
    }

    // ---- opportunities ----------------------------------------------------------------------

    @Override
    public Opportunity create(NewOpportunity opportunity) {
        NewOpportunity input = Objects.requireNonNull(opportunity, "opportunity");
        WriteAccess access = ownership.writes();
        EditableInput given = EditableInput.of(input);
        Violations violations = new Violations();
        if (input.no() != null) {
            violations.code("no", input.no(), Opportunity.NO_LENGTH);
        }
        OpportunityFields.checkEditable(violations, given, true);
        StageUpdate start = input.activation() == null ? null : MovePlanner.activation(input.activation());
        if (start != null) {
            MovePlanner.checkInput(violations, "activate.", start, Mode.CREATE);
        }
        violations.throwIfAny();
        // a salesperson's new opportunity is its own, not the contact's salesperson's
        EditableInput editable = given.withSalespersonCode(access.salespersonOfNew(given.salespersonCode()));

        OpportunityChanges.Assigned assigned = changes.ofNew(editable);
        CycleContext cycle = CycleContext.of(modules.cycles(), assigned.cycle());
        String givenNo = normalise(input.no());
        LocalDate today = today();

        String no = givenNo != null ? givenNo
                : store.numberSeries().nextFree(SERIES, numbers.prefix(), numbers.digits(),
                        this::exists); // taken by anyone's opportunity, seen by the caller or not
        Opportunity created = writing(tx -> {
            if (tx.em.find(OpportunityEntity.class, no) != null) {
                throw new ConflictException("opportunity " + no + " exists already",
                        List.of(new FieldError("no", "is taken by an existing opportunity")));
            }
            OpportunityEntity entity = new OpportunityEntity(no, today);
            entity.apply(assigned.fields());
            tx.stamp().on(entity);
            tx.em.persist(entity);
            OpportunityEntryEntity entry = null;
            if (start != null) {
                PlannedEntry planned = planner.plan(new Move(entity.toView(today), null, cycle.stages().get(),
                        Mode.CREATE, start, today, cycle.probability()));
                entry = append(tx, entity, planned);
            }
            tx.countStageFigures(no, StageFigures.Share.NONE);
            Opportunity record = entity.toView(today);
            tx.events.created(record);
            if (entry != null) {
                OpportunityEntry written = entry.toView();
                offer(tx, record, written, null, start.cancelOpenTasks(), cycle.stages().get());
                tx.events.stageChanged(record, written, OpportunityEvents.ACTION_ACTIVATE);
            }
            return record;
        });
        return created;
    }

    @Override
    public Optional<Opportunity> find(String no) {
        String key = normalise(no);
        if (key == null) {
            return Optional.empty();
        }
        Scope scope = ownership.reads();
        return store.jpa().read(em -> Optional.ofNullable(em.find(OpportunityEntity.class, key))
                .filter(entity -> scope.covers(entity.salespersonCode())).map(entity -> entity.toView(today())));
    }

    @Override
    public Opportunity get(String no) {
        return find(no).orElseThrow(() -> new NotFoundException(RESOURCE, normalise(no)));
    }

    /** Whether the number is taken, whoever's opportunity has it. */
    private boolean exists(String key) {
        return store.jpa().read(em -> em.find(OpportunityEntity.class, key) != null);
    }

    @Override
    public Page<Opportunity> list(OpportunityQuery query, PageRequest page) {
        return listed(query, (em, filter) -> LISTING.page(em, filter, page), (items, today) -> items
                .map(entity -> entity.toView(today)));
    }

    @Override
    public List<Opportunity> listItems(OpportunityQuery query, PageRequest page) {
        return listed(query, (em, filter) -> LISTING.items(em, filter, page), (items, today) -> items.stream()
                .map(entity -> entity.toView(today)).toList());
    }

    /** Reads with the caller's scope and the query's filter, and makes views of what it read. */
    private <R, V> V listed(OpportunityQuery query, BiFunction<EntityManager, OpportunityFilter, R> read,
            BiFunction<R, LocalDate, V> views) {
        OpportunityQuery filter = query == null ? OpportunityQuery.all() : query;
        Scope scope = ownership.reads();
        // the limits come from the cycles module, read before this module's connection is taken (see CycleContext)
        StaleLimits limits = filter.stale() == null ? null : StaleLimits.read(modules.cycles());
        LocalDate today = today();
        return store.jpa().read(em -> views.apply(read.apply(em, new OpportunityFilter(filter, scope, limits, today)),
                today));
    }

    @Override
    public Opportunity update(String no, OpportunityChange change, Long expectedVersion) {
        String key = normalise(no);
        EditableInput input = EditableInput.of(Objects.requireNonNull(change, "change"));
        WriteAccess access = ownership.writes();
        Opportunity updated = retriedWhileChanging(key, () -> {
            // the other modules check the new references before the transaction (see CycleContext)
            Opportunity current = changeable(key, access);
            if (expectedVersion != null && expectedVersion != current.version()) {
                throw new StaleVersionException(RESOURCE, key, current.version());
            }
            Violations violations = new Violations();
            OpportunityFields.checkEditable(violations, input, false);
            violations.throwIfAny();
            if (!normalise(input.salespersonCode()).equals(current.salespersonCode())) {
                access.checkedSalesperson(input.salespersonCode());
            }
            EditableFields fields = changes.ofChanged(input, current);
            return writing(tx -> {
                OpportunityEntity entity = locked(tx.em, key, expectedVersion, access);
                if (entity.version() != current.version()) {
                    throw ChangedMeanwhile.INSTANCE;
                }
                StageFigures.Share before = tx.storedShare(key);
                if (entity.apply(fields)) {
                    tx.stamp().on(entity);
                }
                tx.countStageFigures(key, before);
                Opportunity record = entity.toView(today());
                if (record.version() != current.version()) {
                    tx.events.updated(record, OpportunityEvents.ACTION_CHANGE);
                }
                return record;
            });
        });
        return updated;
    }

    @Override
    public void delete(String no, Long expectedVersion) {
        String key = normalise(no);
        WriteAccess access = ownership.writes();
        if (!access.scope().all()) {
            // refused whatever the version: nothing to lock
            String owner = key == null ? null : store.jpa().read(em -> Optional
                    .ofNullable(em.find(OpportunityEntity.class, key)).map(OpportunityEntity::salespersonCode)
                    .orElse(null));
            if (owner == null) {
                throw new NotFoundException(RESOURCE, key);
            }
            access.checkDelete(key, owner);
        }
        writing(tx -> {
            OpportunityEntity entity = locked(tx.em, key, expectedVersion, access);
            if (entity.status() == OpportunityStatus.IN_PROGRESS) {
                throw new ConflictException("opportunity " + key
                        + " is in progress and cannot be deleted; close it first");
            }
            Opportunity record = entity.toView(today());
            StageFigures.Share before = tx.storedShare(key);
            // the participants delete what they keep for it (e.g. its tasks) first, in this transaction
            participants.deleting(record);
            tx.em.createQuery("DELETE FROM StaleNoticeEntity n WHERE n.opportunityNo = :no")
                    .setParameter("no", key).executeUpdate();
            tx.em.createQuery("DELETE FROM OpportunityEntryEntity e WHERE e.opportunityNo = :no")
                    .setParameter("no", key).executeUpdate();
            tx.em.remove(entity);
            tx.countStageFigures(key, before);
            AuditTrail.deleted(tx.em, tx.stamp(), RESOURCE, key, record);
            tx.events.deleted(record);
            return null;
        });
    }

    // ---- moves ------------------------------------------------------------------------------

    @Override
    public Opportunity activate(String no, LocalDate dateOfChange, boolean cancelOpenTasks, Long expectedVersion) {
        return appendMove(no, MovePlanner.activation(dateOfChange, cancelOpenTasks), Mode.ACTIVATE, OpportunityEvents.ACTION_ACTIVATE,
                expectedVersion);
    }

    @Override
    public Opportunity move(String no, StageUpdate update, Long expectedVersion) {
        if (update == null) {
            throw new ValidationException("action", "is required");
        }
        String action = update.action() == null ? null : update.action().name();
        return appendMove(no, update, Mode.UPDATE, action, expectedVersion);
    }

    /** @param action the event's action: the update's action, or {@code ACTIVATE} */
    private Opportunity appendMove(String no, StageUpdate update, Mode mode, String action, Long expectedVersion) {
        String key = normalise(no);
        LocalDate today = today();
        // participants are told the action of an update; an activation has none
        OpportunityAction asked = mode == Mode.UPDATE ? update.action() : null;
        WriteAccess access = ownership.writes();
        Opportunity moved = retriedWhileChanging(key, () -> {
            CycleContext cycle = CycleContext.read(modules, cycleCodes.of(key));
            return moving(tx -> {
                MoveStatements statements = store.moves();
                OpportunityEntity entity = checkedForChange(statements.lock(tx.connection, key), key,
                        expectedVersion, access);
                if (!cycleCodes.confirm(key, cycle.code(), entity.salesCycleCode())) {
                    throw ChangedMeanwhile.INSTANCE;
                }
                Violations violations = new Violations();
                MovePlanner.checkInput(violations, "", update, mode);
                violations.throwIfAny();
                Opportunity current = entity.toView(today);
                refuseIfClosed(current);
                CycleStages stages = cycle.stages().get();
                PlannedEntry planned = planner.plan(new Move(current, entity.lastDateOfChange(), stages, mode, update,
                        today, cycle.probability()));
                boolean reachedBefore = statements.reached(tx.connection, key, planned.stage());
                Long activeEntryNo = entity.activeEntryNo();
                StageFigures.Entry left = activeEntryNo == null ? null
                        : statements.deactivate(tx.connection, key, activeEntryNo, planned.dateOfChange());
                OpportunityEntryEntity entry = tx.stamp().on(new OpportunityEntryEntity(entity, planned))
                        .numbered(statements.nextEntryNo(tx.connection));
                OpportunityEntry written = entry.toView();
                statements.insert(tx.connection, written);
                long storedVersion = entity.version();
                entity.activate(entry);
                tx.stamp().on(entity);
                entity.raiseVersion();
                Opportunity record = entity.toView(today);
                statements.update(tx.connection, record, entity, storedVersion);
                StageFigures.applyMove(tx.connection, current, record, left, written, reachedBefore);
                offer(tx, record, written, asked, update.cancelOpenTasks(), stages);
                tx.events.stageChanged(record, written, action);
                return record;
            });
        });
        return moved;
    }

    @Override
    public UpdateOptions updateOptions(String no) {
        String key = normalise(no);
        LocalDate today = today();
        record State(Opportunity opportunity, LocalDate lastDateOfChange) {
        }
        Scope scope = ownership.reads();
        State state = store.jpa().read(em -> {
            OpportunityEntity entity = key == null ? null : em.find(OpportunityEntity.class, key);
            if (entity == null || !scope.covers(entity.salespersonCode())) {
                throw new NotFoundException(RESOURCE, key);
            }
            return new State(entity.toView(today), entity.lastDateOfChange());
        });
        Opportunity current = state.opportunity();
        List<UpdateOption> options = new ArrayList<>();
        if (current.closed()) {
            String reason = closedReason(current);
            for (OpportunityAction action : OpportunityAction.values()) {
                options.add(new UpdateOption(action, false, reason, List.of(), List.of(), null, null));
            }
        } else {
            CycleContext cycle = CycleContext.read(modules, current.salesCycleCode());
            CycleStages stages = cycle.stages().get();
            Probability probability = cycle.probability();
            for (OpportunityAction action : OpportunityAction.values()) {
                options.add(planner.option(new Move(current, state.lastDateOfChange(), stages, Mode.UPDATE,
                        StageUpdate.of(action), today, probability)));
            }
        }
        return new UpdateOptions(current.no(), current.version(), current.currentStage(), options);
    }

    @Override
    public Opportunity close(String no, Closing closing, Long expectedVersion) {
        String key = normalise(no);
        if (closing == null) {
            throw new ValidationException("outcome", "is required");
        }
        LocalDate today = today();
        Deferred<CloseOpportunityCode> closeCode = closing.outcome() == null
                ? Deferred.refused(new ValidationException("outcome", "is required"))
                : Deferred.of(() -> modules.closeCodes().requireOfType(closing.closeCode(),
                        CloseOpportunityCodeType.valueOf(closing.outcome().name()), "closeCode"));
        WriteAccess access = ownership.writes();
        Opportunity closed = writing(tx -> {
            OpportunityEntity entity = locked(tx.em, key, expectedVersion, access);
            Opportunity current = entity.toView(today);
            Violations violations = new Violations();
            ClosePlanner.checkInput(violations, closing, current.salesQuote() != null);
            violations.throwIfAny();
            refuseIfClosed(current);
            CloseOpportunityCode code = closeCode.get();
            PlannedEntry planned = ClosePlanner.plan(current, entity.lastDateOfChange(), closing, code.code(), today);
            StageFigures.Share before = tx.storedShare(key);
            OpportunityEntryEntity entry = append(tx, entity, planned);
            tx.countStageFigures(key, before);
            Opportunity record = entity.toView(today);
            OpportunityEntry written = entry.toView();
            offer(tx, record, written, null, closing.cancelOpenTasks(), null);
            tx.events.closed(record, written);
            return record;
        });
        return closed;
    }

    // ---- sales quote ------------------------------------------------------------------------

    @Override
    public Opportunity assignSalesQuote(String no, SalesQuote quote, Long expectedVersion) {
        String key = normalise(no);
        Violations violations = new Violations();
        if (quote == null) {
            violations.add("no", "is required").add("amount", "is required");
        } else {
            violations.code("no", quote.no(), SalesQuote.NO_LENGTH).required("amount", quote.amount());
            Inputs.positiveAmount(violations, "amount", quote.amount());
        }
        WriteAccess access = ownership.writes();
        Opportunity linked = writing(tx -> {
            OpportunityEntity entity = locked(tx.em, key, expectedVersion, access);
            violations.throwIfAny();
            if (entity.status() != OpportunityStatus.IN_PROGRESS) {
                throw new ConflictException("opportunity " + key + " is " + entity.status()
                        + "; only an opportunity in progress can get a sales quote");
            }
            String quoteNo = normalise(quote.no());
            List<Object[]> holders = tx.em.createQuery("SELECT o.no, o.salespersonCode FROM OpportunityEntity o"
                    + " WHERE o.salesQuoteNo = :quote AND o.no <> :no", Object[].class).setParameter("quote", quoteNo)
                    .setParameter("no", key).getResultList();
            if (!holders.isEmpty()) {
                // an opportunity the caller may not see is not named
                String holder = access.scope().covers((String) holders.get(0)[1])
                        ? "opportunity " + holders.get(0)[0] : "another opportunity";
                throw new ConflictException("sales quote " + quoteNo + " is linked to " + holder + " already",
                        List.of(new FieldError("no", "is linked to " + holder)));
            }
            if (entity.linkSalesQuote(new SalesQuote(quoteNo, quote.amount()))) {
                tx.stamp().on(entity);
            }
            tx.em.flush();
            Opportunity record = entity.toView(today());
            tx.events.updated(record, OpportunityEvents.ACTION_ASSIGN_SALES_QUOTE);
            return record;
        });
        return linked;
    }

    @Override
    public Opportunity removeSalesQuote(String no, Long expectedVersion) {
        String key = normalise(no);
        WriteAccess access = ownership.writes();
        Opportunity unlinked = writing(tx -> {
            OpportunityEntity entity = locked(tx.em, key, expectedVersion, access);
            refuseIfClosed(entity.toView(today()));
            if (entity.salesQuote() == null) {
                throw new NotFoundException("sales quote of opportunity", key);
            }
            entity.linkSalesQuote(null);
            tx.stamp().on(entity);
            tx.em.flush();
            Opportunity record = entity.toView(today());
            tx.events.updated(record, OpportunityEvents.ACTION_REMOVE_SALES_QUOTE);
            return record;
        });
        return unlinked;
    }

    // ---- history and extensions -------------------------------------------------------------

    @Override
    public Page<OpportunityEntry> entries(String no, PageRequest page) {
        String key = normalise(no);
        Scope scope = ownership.reads();
        return store.jpa().read(em -> {
            OpportunityEntity opportunity = key == null ? null : em.find(OpportunityEntity.class, key);
            if (opportunity == null || !scope.covers(opportunity.salespersonCode())) {
                throw new NotFoundException(RESOURCE, key);
            }
            return ENTRY_LISTING.page(em, (cb, root) -> List.of(cb.equal(root.get("opportunityNo"), key)), page)
                    .map(OpportunityEntryEntity::toView);
        });
    }

    @Override
    public List<TransitionRuleInfo> transitionRules() {
        return rules.installed();
    }

    // ---- helpers ----------------------------------------------------------------------------

    /**
     * Appends the planned entry, made by the caller now: the previous active entry becomes inactive
     * with its days open (and keeps its own stamp).
     */
    private static OpportunityEntryEntity append(Transaction tx, OpportunityEntity opportunity,
            PlannedEntry planned) {
        EntityManager em = tx.em;
        Long activeEntryNo = opportunity.activeEntryNo();
        if (activeEntryNo != null) {
            OpportunityEntryEntity previous = em.find(OpportunityEntryEntity.class, activeEntryNo);
            if (previous == null) {
                throw new IllegalStateException("the active entry " + activeEntryNo + " of opportunity "
                        + opportunity.no() + " is missing");
            }
            previous.deactivate(planned.dateOfChange());
        }
        OpportunityEntryEntity entry = tx.stamp().on(new OpportunityEntryEntity(opportunity, planned));
        em.persist(entry); // draws its number from the sequence now: after the lock, on this transaction's connection
        opportunity.activate(entry);
        tx.stamp().on(opportunity);
        return entry;
    }

    /**
     * Offers a move, written and flushed, to the participants: still inside its transaction, so that
     * one that throws rolls it back. A retried transaction offers its move again.
     *
     * @param action the update's action, null for an activation and a close
     * @param stages the cycle's stages, null for a close (a closing entry is at no stage)
     */
    private void offer(Transaction tx, Opportunity moved, OpportunityEntry entry, OpportunityAction action,
            boolean cancelOpenTasks, CycleStages stages) {
        Optional<String> activityCode = stages == null ? Optional.empty()
                : stages.find(entry.stage()).map(SalesCycleStage::activityCode).filter(code -> !code.isBlank());
        // DOMAIN §10: an entry into such a stage must get its tasks in this transaction, or not be written at all;
        // an UPDATE stays where it is and makes none
        if (activityCode.isPresent() && action != OpportunityAction.UPDATE
                && !participants.has(MoveParticipant.TASKS)) {
            throw new UnavailableException("the " + MoveParticipant.TASKS + " module is not available: stage "
                    + entry.stage() + " of " + stages.cycleCode() + " names activity " + activityCode.get()
                    + "; nothing was changed, retry when it runs again");
        }
        participants.offer(new MoveView(moved, entry, Optional.ofNullable(action), cancelOpenTasks, activityCode,
                tx.caller));
    }

    /**
     * The opportunity locked for a change the caller may make: one it may not see is missing, whatever the
     * version asked for.
     */
    private static OpportunityEntity locked(EntityManager em, String key, Long expectedVersion, WriteAccess access) {
        return checkedForChange(key == null ? null : em.find(OpportunityEntity.class, key,
                LockModeType.PESSIMISTIC_WRITE), key, expectedVersion, access);
    }

    /** @param entity the opportunity as just locked, null when there is none */
    private static OpportunityEntity checkedForChange(OpportunityEntity entity, String key, Long expectedVersion,
            WriteAccess access) {
        if (entity == null) {
            throw new NotFoundException(RESOURCE, key);
        }
        access.checkChanges(key, entity.salespersonCode());
        if (expectedVersion != null && expectedVersion != entity.version()) {
            throw new StaleVersionException(RESOURCE, key, entity.version());
        }
        return entity;
    }

    /** The opportunity as it is now, read without a lock, when the caller may change it. */
    private Opportunity changeable(String key, WriteAccess access) {
        LocalDate today = today();
        Opportunity current = key == null ? null : store.jpa().read(em -> Optional
                .ofNullable(em.find(OpportunityEntity.class, key)).map(entity -> entity.toView(today)).orElse(null));
        if (current == null) {
            throw new NotFoundException(RESOURCE, key);
        }
        access.checkChanges(key, current.salespersonCode());
        return current;
    }

    private static void refuseIfClosed(Opportunity current) {
        if (current.closed()) {
            throw new ConflictException(closedReason(current));
        }
    }

    private static String closedReason(Opportunity current) {
        return "opportunity " + current.no() + " is closed (" + current.status() + "); closed is final";
    }

    /**
     * Runs one write in one transaction for the caller bound now; its events are posted once it
     * committed. The transaction may run more than once (see
     * {@link org.opportune.persistence.JpaUnit#inTransaction}), so each run collects its events and
     * takes its time afresh.
     */
    private <T> T writing(Function<Transaction, T> work) {
        Caller caller = callers.current();
        return posted(store.jpa().inTransaction(em -> {
            Transaction tx = new Transaction(em, null, caller);
            return new Done<>(work.apply(tx), tx.events);
        }));
    }

    /** Like {@link #writing}, with the transaction's JDBC connection instead of an EntityManager (a move). */
    private <T> T moving(JdbcMove<T> work) {
        Caller caller = callers.current();
        return posted(store.jpa().inJdbcTransaction(connection -> {
            Transaction tx = new Transaction(null, connection, caller);
            return new Done<>(work.apply(tx), tx.events);
        }));
    }

    @FunctionalInterface
    private interface JdbcMove<T> {
        T apply(Transaction tx) throws SQLException;
    }

    /** A write's result and the events to post once it committed. */
    private record Done<T>(T result, EventBatch events) {
    }

    private <T> T posted(Done<T> done) {
        done.events().post(modules.eventAdmin);
        return done.result();
    }

    /** One run of a write: its EntityManager or JDBC connection, its events, and who changes what when. */
    private final class Transaction {
        final EntityManager em;
        final Connection connection;
        final Caller caller;
        final EventBatch events;
        private ChangeStamp stamp;

        Transaction(EntityManager em, Connection connection, Caller caller) {
            this.em = em;
            this.connection = connection;
            this.caller = caller;
            this.events = modules.events(caller.userName());
        }

        /** The opportunity's share of the stage figures as stored now; read after its lock. */
        StageFigures.Share storedShare(String no) {
            try {
                return StageFigures.read(em.unwrap(Connection.class), no);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read opportunity " + no + " for the stage figures", e);
            }
        }

        /**
         * Writes what the EntityManager holds and adds to the stage figures what that changed of the opportunity's
         * share since {@code before} (see {@link StageFigures}).
         */
        void countStageFigures(String no, StageFigures.Share before) {
            em.flush();
            try {
                Connection connection = em.unwrap(Connection.class);
                StageFigures.apply(connection, no, before, StageFigures.read(connection, no));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count opportunity " + no + " into the stage figures", e);
            }
        }

        /** The same for every row the run writes; taken when first needed (after the lock), close to the commit. */
        ChangeStamp stamp() {
            if (stamp == null) {
                stamp = ChangeStamp.now(callers, modules.clock());
            }
            return stamp;
        }
    }

    /** The cycle an opportunity names now, read without a lock; null when there is no such opportunity. */
    private String cycleCodeOf(String key) {
        return key == null ? null : store.jpa().read(em -> {
            OpportunityEntity entity = em.find(OpportunityEntity.class, key);
            return entity == null ? null : entity.salesCycleCode();
        });
    }

    /**
     * Runs {@code attempt}, which reads what it needs from other modules first and then locks the
     * opportunity; when the opportunity changed in between ({@link ChangedMeanwhile}), it reads again.
     */
    private static <T> T retriedWhileChanging(String key, Supplier<T> attempt) {
        for (int tries = 1;; tries++) {
            try {
                return attempt.get();
            } catch (ChangedMeanwhile e) {
                if (tries == 3) {
                    throw new ConflictException("opportunity " + key
                            + " is being changed by other requests right now; retry");
                }
            }
        }
    }

    /** The opportunity changed between the read ahead of a transaction and its lock. */
    private static final class ChangedMeanwhile extends RuntimeException {
        static final ChangedMeanwhile INSTANCE = new ChangedMeanwhile();

        private ChangedMeanwhile() {
            super(null, null, false, false);
        }
    }

    private LocalDate today() {
        return modules.today();
    }

    /** The API's sort names are the entity's attribute names. */
    private static Map<String, String> sameNames(List<String> fields) {
        return fields.stream().collect(Collectors.toMap(Function.identity(), Function.identity()));
    }
}
