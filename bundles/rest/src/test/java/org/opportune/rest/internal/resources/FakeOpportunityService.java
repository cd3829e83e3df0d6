package org.opportune.rest.internal.resources;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.OpportuneException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.SortKey;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.dateformula.DateFormula;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.Activation;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.opportunity.UpdateOption;
import org.opportune.api.opportunity.UpdateOptions;
import org.opportune.api.rule.ProposedMove;
import org.opportune.api.rule.TransitionRule;
import org.opportune.api.rule.TransitionRuleInfo;

/**
 * An in-memory OpportunityService that refuses what the opportunities module refuses, with the same
 * exceptions and field names (see OpportunityServiceImpl, OpportunityFields, MovePlanner,
 * ClosePlanner and Inputs there), on one cycle {@code STD} (DOMAIN §9, stage 3 requires a quote), an
 * empty cycle {@code EMPTY}, contacts CT000001 (company), CT000002 (its person), CT000003 (a person
 * without company), salespeople JO and AB, close codes WIN1 (WON) and PRICE (LOST). Probability is
 * MULTIPLY; "today" is {@link #today}. Transition rules are real {@link TransitionRule}s, evaluated by name.
 */
final class FakeOpportunityService implements OpportunityService {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Map<String, String> CONTACT_COMPANIES = Map.of("CT000001", "CT000001", "CT000002",
            "CT000001", "CT000003", "");
    private static final List<String> SALESPEOPLE = List.of("JO", "AB");
    private static final Map<String, CloseOutcome> CLOSE_CODES = Map.of("WIN1", CloseOutcome.WON, "PRICE",
            CloseOutcome.LOST);
    private static final Map<String, List<SalesCycleStage>> CYCLES = Map.of(
            "STD", List.of(stage(1, "Initial", 10, 20, false, false, "5D"),
                    stage(2, "Qualified", 30, 40, true, false, "10D"),
                    stage(3, "Proposal", 60, 50, true, true, "7D"),
                    stage(4, "Negotiation", 80, 75, false, false, "14D")),
            "EMPTY", List.of());

    /** One registered rule. */
    record Rule(String name, String description, String bundle, TransitionRule rule) {
    }

    private final Map<String, Row> rows = new TreeMap<>();
    private final List<OpportunityEntry> entries = new ArrayList<>();
    private final Map<String, Rule> rules = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private int lastNumber;
    volatile LocalDate today = LocalDate.of(2024, 1, 10);
    /** False: the cycle's probability model MULTIPLY is not installed. */
    volatile boolean modelAvailable = true;

    /** A stored opportunity. */
    private static final class Row {
        String no;
        String description;
        String contactNo;
        String contactCompanyNo;
        String salespersonCode;
        String salesCycleCode;
        OpportunityPriority priority;
        LocalDate creationDate;
        OpportunityStatus status = OpportunityStatus.NOT_STARTED;
        LocalDate dateClosed;
        SalesQuote salesQuote;
        OpportunityEntry active;
        long version = 1;
    }

    /** A move's values after the defaults. */
    private record Plan(SalesCycleStage target, ActionTaken actionTaken, LocalDate dateOfChange,
            BigDecimal estimatedValue, BigDecimal chances, LocalDate estimatedCloseDate) {
    }

    private enum Mode {
        UPDATE, ACTIVATE, CREATE
    }

    FakeOpportunityService() {
        install("quote-required", "NEXT or SKIP to a stage that requires a quote needs a linked sales quote",
                "org.opportune.opportunities", move -> {
                    boolean forward = move.action() == OpportunityAction.NEXT
                            || move.action() == OpportunityAction.SKIP;
                    return forward && move.to().quoteRequired() && !move.salesQuoteLinked()
                            ? Optional.of("a sales quote must be assigned before this stage (stage "
                                    + move.to().stage() + " " + move.to().description() + " requires one)")
                            : Optional.empty();
                });
    }

    synchronized void install(String name, String description, String bundle, TransitionRule rule) {
        rules.put(name, new Rule(name, description, bundle, rule));
    }

    synchronized void uninstall(String name) {
        rules.remove(name);
    }

    // ---- opportunities ----------------------------------------------------------------------

    @Override
    public synchronized Opportunity create(Opportunity input, Activation activation) {
        Violations violations = new Violations();
        if (input.no() != null) {
            violations.code("no", input.no(), Opportunity.NO_LENGTH);
        }
        checkEditable(violations, input, true);
        checkServerOwnedOnCreate(violations, input);
        StageUpdate start = activation == null ? null
                : new StageUpdate(OpportunityAction.FIRST, null, activation.dateOfChange(),
                        activation.estimatedValue(), activation.chancesOfSuccessPercent(),
                        activation.estimatedCloseDate());
        if (start != null) {
            checkInput(violations, "activate.", start, Mode.CREATE);
        }
        violations.throwIfAny();
        Row row = new Row();
        row.contactNo = existingContact(input.contactNo());
        row.contactCompanyNo = company(row.contactNo);
        row.salespersonCode = assignableSalesperson(input.salespersonCode() == null ? "JO" : input.salespersonCode());
        row.salesCycleCode = existingCycle(input.salesCycleCode());
        row.description = input.description().trim();
        row.priority = input.priority() == null ? OpportunityPriority.NORMAL : input.priority();
        row.creationDate = today;
        String given = normalised(input.no());
        if (given != null && rows.containsKey(given)) {
            throw new ConflictException("opportunity " + given + " exists already",
                    List.of(new FieldError("no", "is taken by an existing opportunity")));
        }
        row.no = given != null ? given : String.format("OP%06d", ++lastNumber);
        if (start != null) {
            append(row, plan(row, start, Mode.CREATE));
            row.version = 1;
        }
        rows.put(row.no, row);
        return toRecord(row);
    }

    @Override
    public synchronized Optional<Opportunity> find(String no) {
        return Optional.ofNullable(rows.get(normalised(no))).map(FakeOpportunityService::toRecord);
    }

    @Override
    public Opportunity get(String no) {
        return find(no).orElseThrow(() -> new NotFoundException("opportunity", normalised(no)));
    }

    @Override
    public synchronized Page<Opportunity> list(OpportunityQuery q, PageRequest page) {
        Comparator<Opportunity> order = order(page.sort(), SORT_FIELDS, Opportunity.class,
                Comparator.comparing(Opportunity::no));
        String text = q.text() == null ? null : q.text().toUpperCase(Locale.ROOT);
        List<Opportunity> matching = rows.values().stream().map(FakeOpportunityService::toRecord)
                .filter(o -> text == null || o.no().contains(text)
                        || o.description().toUpperCase(Locale.ROOT).contains(text))
                .filter(o -> q.status() == null || o.status() == q.status())
                .filter(o -> q.closed() == null || q.closed().equals(o.closed()))
                .filter(o -> same(q.salespersonCode(), o.salespersonCode()))
                .filter(o -> same(q.contactNo(), o.contactNo()))
                .filter(o -> same(q.contactCompanyNo(), o.contactCompanyNo()))
                .filter(o -> same(q.salesCycleCode(), o.salesCycleCode()))
                .filter(o -> q.currentStage() == null || q.currentStage().equals(o.currentStage()))
                .filter(o -> q.priority() == null || q.priority() == o.priority())
                .filter(o -> within(o.creationDate(), q.creationDateFrom(), q.creationDateTo()))
                .filter(o -> within(o.estimatedCloseDate(), q.estimatedCloseDateFrom(), q.estimatedCloseDateTo()))
                .sorted(order).toList();
        return new Page<>(matching.stream().skip(page.offset()).limit(page.limit()).toList(), matching.size(),
                page.offset(), page.limit());
    }

    @Override
    public synchronized Opportunity update(String no, Opportunity input, Long expectedVersion) {
        Row row = locked(no, expectedVersion);
        Opportunity current = toRecord(row);
        Violations violations = new Violations();
        if (input.no() != null && !row.no.equals(normalised(input.no()))) {
            violations.add("no", "is the key and cannot be changed (path says " + row.no + ")");
        }
        checkEditable(violations, input, false);
        checkServerOwned(violations, input, current);
        violations.throwIfAny();
        String cycle = normalised(input.salesCycleCode());
        if (!cycle.equals(row.salesCycleCode)) {
            if (row.status != OpportunityStatus.NOT_STARTED) {
                throw new ConflictException("salesCycleCode can change only while the opportunity is not started",
                        List.of(new FieldError("salesCycleCode", "can change only while the opportunity is not"
                                + " started (it is " + row.status + ")")));
            }
            cycle = existingCycle(cycle);
        }
        String contact = existingContact(input.contactNo());
        String salesperson = assignableSalesperson(input.salespersonCode());
        OpportunityPriority priority = input.priority() == null ? OpportunityPriority.NORMAL : input.priority();
        String description = input.description().trim();
        boolean changed = !description.equals(row.description) || !contact.equals(row.contactNo)
                || !salesperson.equals(row.salespersonCode) || !cycle.equals(row.salesCycleCode)
                || priority != row.priority;
        row.description = description;
        row.contactNo = contact;
        row.contactCompanyNo = company(contact);
        row.salespersonCode = salesperson;
        row.salesCycleCode = cycle;
        row.priority = priority;
        if (changed) {
            row.version++;
        }
        return toRecord(row);
    }

    @Override
    public synchronized void delete(String no, Long expectedVersion) {
        Row row = locked(no, expectedVersion);
        if (row.status == OpportunityStatus.IN_PROGRESS) {
            throw new ConflictException("opportunity " + row.no + " is in progress and cannot be deleted; close it"
                    + " first");
        }
        rows.remove(row.no);
        entries.removeIf(entry -> entry.opportunityNo().equals(row.no));
    }

    // ---- moves ------------------------------------------------------------------------------

    @Override
    public synchronized Opportunity activate(String no, LocalDate dateOfChange, Long expectedVersion) {
        Row row = locked(no, expectedVersion);
        refuseIfClosed(row);
        append(row, plan(row, new StageUpdate(OpportunityAction.FIRST, null, dateOfChange, null, null, null),
                Mode.ACTIVATE));
        return toRecord(row);
    }

    @Override
    public synchronized Opportunity move(String no, StageUpdate update, Long expectedVersion) {
        if (update == null) {
            throw new ValidationException("action", "is required");
        }
        Row row = locked(no, expectedVersion);
        Violations violations = new Violations();
        checkInput(violations, "", update, Mode.UPDATE);
        violations.throwIfAny();
        refuseIfClosed(row);
        append(row, plan(row, update, Mode.UPDATE));
        return toRecord(row);
    }

    @Override
    public synchronized UpdateOptions updateOptions(String no) {
        Row row = rows.get(normalised(no));
        if (row == null) {
            throw new NotFoundException("opportunity", normalised(no));
        }
        List<UpdateOption> options = new ArrayList<>();
        for (OpportunityAction action : OpportunityAction.values()) {
            options.add(option(row, action));
        }
        return new UpdateOptions(row.no, row.version, currentStage(row), options);
    }

    private UpdateOption option(Row row, OpportunityAction action) {
        if (row.status.isOpen()) {
            List<SalesCycleStage> candidates = candidates(row, action);
            List<Integer> numbers = candidates.stream().map(SalesCycleStage::stage).toList();
            if (candidates.size() < minimum(action)) {
                return new UpdateOption(action, false, whyNot(row, action), List.of(), numbers, null, null);
            }
            Plan defaults = values(row, StageUpdate.of(action), Mode.UPDATE, defaultTarget(action, candidates));
            StageUpdate update = new StageUpdate(action, defaults.target().stage(), defaults.dateOfChange(),
                    defaults.estimatedValue(), defaults.chances(), defaults.estimatedCloseDate());
            try {
                plan(row, StageUpdate.of(action), Mode.UPDATE);
                return new UpdateOption(action, true, null, List.of(), numbers, update, defaults.actionTaken());
            } catch (OpportuneException e) {
                return new UpdateOption(action, false, e.getMessage(),
                        e instanceof ConflictException conflict ? conflict.rules() : List.of(), numbers, update,
                        defaults.actionTaken());
            }
        }
        return new UpdateOption(action, false, closedReason(row), List.of(), List.of(), null, null);
    }

    @Override
    public synchronized Opportunity close(String no, Closing closing, Long expectedVersion) {
        if (closing == null) {
            throw new ValidationException("outcome", "is required");
        }
        Row row = locked(no, expectedVersion);
        Violations violations = new Violations();
        violations.required("outcome", closing.outcome()).required("closeCode", closing.closeCode())
                .maxLength("closeCode", closing.closeCode(), 10);
        if (closing.outcome() == CloseOutcome.WON) {
            if (closing.value() == null && row.salesQuote == null) {
                violations.add("value", "is required to close as WON when no sales quote is linked");
            }
            positiveAmount(violations, "value", closing.value());
        } else if (closing.outcome() == CloseOutcome.LOST && closing.value() != null
                && closing.value().signum() != 0) {
            violations.add("value", "is taken only when closing as WON; a LOST opportunity's value is 0");
        }
        violations.throwIfAny();
        refuseIfClosed(row);
        String code = normalised(closing.closeCode());
        CloseOutcome type = CLOSE_CODES.get(code);
        if (type == null) {
            throw new ValidationException("closeCode", "names close opportunity code " + code
                    + ", which does not exist");
        }
        if (type != closing.outcome()) {
            throw new ValidationException("closeCode", "names close opportunity code " + code + " of type " + type
                    + "; closing as " + closing.outcome() + " needs a code of type " + closing.outcome());
        }
        LocalDate last = row.active == null ? null : row.active.dateOfChange();
        LocalDate dateClosed = closing.dateClosed() != null ? closing.dateClosed() : later(today, last);
        if (last != null && dateClosed.isBefore(last)) {
            String message = "must not be before the last date of change " + last + " (got " + dateClosed + ")";
            throw new ConflictException("dateClosed " + message, List.of(new FieldError("dateClosed", message)));
        }
        boolean won = closing.outcome() == CloseOutcome.WON;
        BigDecimal ev = row.active == null ? BigDecimal.ZERO : row.active.estimatedValue();
        BigDecimal ccv = !won ? BigDecimal.ZERO : row.salesQuote != null ? row.salesQuote.amount() : closing.value();
        deactivatePrevious(row, dateClosed);
        OpportunityEntry entry = new OpportunityEntry(entries.size() + 1L, row.no, row.salesCycleCode, 0, null,
                currentStage(row), won ? ActionTaken.WON : ActionTaken.LOST, dateClosed, true, 0, dateClosed, ev, ccv,
                HUNDRED, won ? HUNDRED : BigDecimal.ZERO, won ? HUNDRED : BigDecimal.ZERO, dateClosed, code,
                row.contactNo, row.contactCompanyNo, row.salespersonCode);
        entries.add(entry);
        row.active = entry;
        row.status = won ? OpportunityStatus.WON : OpportunityStatus.LOST;
        row.dateClosed = dateClosed;
        row.version++;
        return toRecord(row);
    }

    // ---- sales quote ------------------------------------------------------------------------

    @Override
    public synchronized Opportunity assignSalesQuote(String no, SalesQuote quote, Long expectedVersion) {
        Violations violations = new Violations();
        if (quote == null) {
            violations.add("no", "is required").add("amount", "is required");
        } else {
            violations.code("no", quote.no(), SalesQuote.NO_LENGTH).required("amount", quote.amount());
            positiveAmount(violations, "amount", quote.amount());
        }
        Row row = locked(no, expectedVersion);
        violations.throwIfAny();
        if (row.status != OpportunityStatus.IN_PROGRESS) {
            throw new ConflictException("opportunity " + row.no + " is " + row.status
                    + "; only an opportunity in progress can get a sales quote");
        }
        String quoteNo = normalised(quote.no());
        Optional<Row> holder = rows.values().stream().filter(other -> other != row && other.salesQuote != null
                && other.salesQuote.no().equals(quoteNo)).findFirst();
        if (holder.isPresent()) {
            throw new ConflictException("sales quote " + quoteNo + " is linked to opportunity " + holder.get().no
                    + " already", List.of(new FieldError("no", "is linked to opportunity " + holder.get().no)));
        }
        row.salesQuote = new SalesQuote(quoteNo, quote.amount());
        row.version++;
        return toRecord(row);
    }

    @Override
    public synchronized Opportunity removeSalesQuote(String no, Long expectedVersion) {
        Row row = locked(no, expectedVersion);
        refuseIfClosed(row);
        if (row.salesQuote == null) {
            throw new NotFoundException("sales quote of opportunity", row.no);
        }
        row.salesQuote = null;
        row.version++;
        return toRecord(row);
    }

    // ---- history and extensions -------------------------------------------------------------

    @Override
    public synchronized Page<OpportunityEntry> entries(String no, PageRequest page) {
        String key = normalised(no);
        if (key == null || !rows.containsKey(key)) {
            throw new NotFoundException("opportunity", key);
        }
        Comparator<OpportunityEntry> order = order(page.sort(), ENTRY_SORT_FIELDS, OpportunityEntry.class,
                Comparator.comparingLong(OpportunityEntry::entryNo));
        List<OpportunityEntry> history = entries.stream().filter(entry -> entry.opportunityNo().equals(key))
                .sorted(order).toList();
        return new Page<>(history.stream().skip(page.offset()).limit(page.limit()).toList(), history.size(),
                page.offset(), page.limit());
    }

    @Override
    public synchronized List<TransitionRuleInfo> transitionRules() {
        return rules.values().stream().map(rule -> new TransitionRuleInfo(rule.name(), rule.description(),
                rule.bundle(), 0, true)).toList();
    }

    // ---- the engine, as MovePlanner ---------------------------------------------------------

    private Plan plan(Row row, StageUpdate input, Mode mode) {
        OpportunityAction action = input.action();
        List<SalesCycleStage> stages = CYCLES.get(row.salesCycleCode);
        if (stages.isEmpty()) {
            throw new ConflictException("sales cycle " + row.salesCycleCode + " has no stages",
                    List.of(new FieldError("salesCycleCode", "names a sales cycle without stages")));
        }
        List<SalesCycleStage> candidates = candidates(row, action);
        if (candidates.size() < minimum(action)) {
            String reason = whyNot(row, action);
            throw new ConflictException(reason, List.of(new FieldError("action", reason)));
        }
        SalesCycleStage target = input.stage() == null ? defaultTarget(action, candidates)
                : candidates.stream().filter(stage -> stage.stage().equals(input.stage())).findFirst()
                        .orElseThrow(() -> {
                            String reason = "stage " + input.stage() + " is not a candidate of " + action
                                    + " from stage " + currentStage(row) + "; candidates: " + candidates.stream()
                                            .map(s -> s.stage().toString()).collect(Collectors.joining(", "));
                            return new ConflictException(reason, List.of(new FieldError("stage", reason)));
                        });
        Plan plan = values(row, input, mode, target);
        List<FieldError> errors = new ArrayList<>();
        LocalDate last = row.active == null ? null : row.active.dateOfChange();
        if (last != null && plan.dateOfChange().isBefore(last)) {
            errors.add(new FieldError("dateOfChange", "must not be before the last date of change " + last + " (got "
                    + plan.dateOfChange() + ")"));
        }
        if (mode != Mode.ACTIVATE && plan.estimatedValue().signum() <= 0) {
            errors.add(new FieldError("estimatedValue", "must be given: the default, the last estimated value ("
                    + plan.estimatedValue().stripTrailingZeros().toPlainString() + "), is not greater than 0"));
        }
        if (!errors.isEmpty()) {
            throw new ConflictException(errors.stream().map(error -> error.field() + " " + error.message())
                    .collect(Collectors.joining("; ")), errors);
        }
        SalesCycleStage from = row.active == null ? null : stageOf(stages, row.active.stage());
        ProposedMove proposed = new ProposedMove(toRecord(row), action, plan.actionTaken(), from, target, stages,
                plan.dateOfChange(), plan.estimatedValue(), plan.chances(), plan.estimatedCloseDate(),
                row.salesQuote != null);
        Map<String, String> refusals = new TreeMap<>();
        rules.values().forEach(rule -> rule.rule().check(proposed).ifPresent(why -> refusals.put(rule.name(), why)));
        if (!refusals.isEmpty()) {
            throw new ConflictException(action + " to stage " + target.stage() + " is refused: "
                    + refusals.entrySet().stream().map(refusal -> refusal.getKey() + ": " + refusal.getValue())
                            .collect(Collectors.joining("; ")),
                    refusals.values().stream().map(why -> new FieldError("stage", why)).toList(),
                    List.copyOf(refusals.keySet()));
        }
        if (!modelAvailable) {
            throw new UnavailableException("probability model MULTIPLY is not available");
        }
        return plan;
    }

    private Plan values(Row row, StageUpdate input, Mode mode, SalesCycleStage target) {
        LocalDate last = row.active == null ? null : row.active.dateOfChange();
        LocalDate dateOfChange = input.dateOfChange() != null ? input.dateOfChange() : later(today, last);
        BigDecimal ev;
        BigDecimal given;
        if (mode == Mode.ACTIVATE) {
            ev = BigDecimal.ZERO;
            given = BigDecimal.ZERO;
        } else {
            ev = input.estimatedValue() != null ? input.estimatedValue()
                    : row.salesQuote != null ? row.salesQuote.amount()
                    : row.active != null ? row.active.estimatedValue() : BigDecimal.ZERO;
            given = input.chancesOfSuccessPercent() != null ? input.chancesOfSuccessPercent()
                    : target.chancesOfSuccessPercent();
        }
        OpportunityAction action = input.action();
        boolean stageWins = given.signum() == 0 || action == OpportunityAction.SKIP || action == OpportunityAction.JUMP;
        BigDecimal chances = stageWins && target.chancesOfSuccessPercent().signum() != 0
                ? target.chancesOfSuccessPercent() : given;
        LocalDate ecd = input.estimatedCloseDate();
        if (ecd == null || ecd.equals(dateOfChange)) {
            ecd = DateFormula.parse(target.dateFormula()).apply(dateOfChange);
        }
        return new Plan(target, actionTaken(row, action, target), dateOfChange, ev, chances, ecd);
    }

    private static List<SalesCycleStage> candidates(Row row, OpportunityAction action) {
        List<SalesCycleStage> stages = CYCLES.get(row.salesCycleCode);
        if (stages.isEmpty()) {
            return List.of();
        }
        Integer current = row.active == null ? null : row.active.stage();
        if (action == OpportunityAction.FIRST) {
            return current == null ? List.of(stages.get(0)) : List.of();
        }
        if (current == null) {
            return List.of();
        }
        List<SalesCycleStage> above = stages.stream().filter(s -> s.stage() > current).toList();
        List<SalesCycleStage> below = stages.stream().filter(s -> s.stage() < current).toList();
        return switch (action) {
            case NEXT -> above.isEmpty() ? List.of() : List.of(above.get(0));
            case PREVIOUS -> below.isEmpty() ? List.of() : List.of(below.get(below.size() - 1));
            case UPDATE -> List.of(stageOf(stages, current));
            case SKIP -> skipChain(above);
            case JUMP -> below;
            case FIRST -> throw new IllegalStateException("handled above");
        };
    }

    private static List<SalesCycleStage> skipChain(List<SalesCycleStage> above) {
        List<SalesCycleStage> chain = new ArrayList<>();
        for (SalesCycleStage stage : above) {
            if (!chain.isEmpty() && !chain.get(chain.size() - 1).allowSkip() || chain.isEmpty() && !stage.allowSkip()) {
                break;
            }
            chain.add(stage);
        }
        return chain;
    }

    private static int minimum(OpportunityAction action) {
        return action == OpportunityAction.SKIP || action == OpportunityAction.JUMP ? 2 : 1;
    }

    private static SalesCycleStage defaultTarget(OpportunityAction action, List<SalesCycleStage> candidates) {
        return action == OpportunityAction.JUMP ? candidates.get(candidates.size() - 1) : candidates.get(0);
    }

    private static String whyNot(Row row, OpportunityAction action) {
        Integer current = row.active == null ? null : row.active.stage();
        if (current == null && action != OpportunityAction.FIRST) {
            return action + " is not possible: opportunity " + row.no + " is not started; only FIRST (or activate)"
                    + " starts it";
        }
        return action + " is not possible" + (current == null ? "" : " from stage " + current);
    }

    private static ActionTaken actionTaken(Row row, OpportunityAction action, SalesCycleStage target) {
        Integer current = row.active == null ? null : row.active.stage();
        return switch (action) {
            case FIRST -> ActionTaken.NONE;
            case NEXT -> ActionTaken.NEXT;
            case PREVIOUS -> ActionTaken.PREVIOUS;
            case UPDATE -> ActionTaken.UPDATED;
            case SKIP -> candidates(row, OpportunityAction.NEXT).get(0).stage().equals(target.stage())
                    ? ActionTaken.NEXT : ActionTaken.JUMPED;
            case JUMP -> current != null && candidates(row, OpportunityAction.PREVIOUS).get(0).stage()
                    .equals(target.stage()) ? ActionTaken.PREVIOUS : ActionTaken.JUMPED;
        };
    }

    private void append(Row row, Plan plan) {
        deactivatePrevious(row, plan.dateOfChange());
        BigDecimal completed = plan.target().completedPercent();
        BigDecimal probability = completed.multiply(plan.chances()).divide(HUNDRED);
        BigDecimal ccv = plan.estimatedValue().multiply(probability).movePointLeft(2);
        OpportunityEntry entry = new OpportunityEntry(entries.size() + 1L, row.no, row.salesCycleCode,
                plan.target().stage(), plan.target().description(), currentStage(row), plan.actionTaken(),
                plan.dateOfChange(), true, 0, null, plan.estimatedValue(), ccv, completed, plan.chances(),
                probability, plan.estimatedCloseDate(), null, row.contactNo, row.contactCompanyNo,
                row.salespersonCode);
        entries.add(entry);
        row.active = entry;
        row.status = OpportunityStatus.IN_PROGRESS;
        row.version++;
    }

    private void deactivatePrevious(Row row, LocalDate dateOfChange) {
        OpportunityEntry previous = row.active;
        if (previous == null) {
            return;
        }
        OpportunityEntry inactive = new OpportunityEntry(previous.entryNo(), previous.opportunityNo(),
                previous.salesCycleCode(), previous.stage(), previous.stageDescription(), previous.previousStage(),
                previous.actionTaken(), previous.dateOfChange(), false,
                (int) ChronoUnit.DAYS.between(previous.dateOfChange(), dateOfChange), previous.dateClosed(),
                previous.estimatedValue(), previous.calculatedCurrentValue(), previous.completedPercent(),
                previous.chancesOfSuccessPercent(), previous.probabilityPercent(), previous.estimatedCloseDate(),
                previous.closeCode(), previous.contactNo(), previous.contactCompanyNo(), previous.salespersonCode());
        entries.set((int) previous.entryNo() - 1, inactive);
    }

    // ---- checks, as OpportunityFields and Inputs --------------------------------------------

    private static void checkEditable(Violations violations, Opportunity input, boolean create) {
        violations.requiredText("description", trimmed(input.description()), Opportunity.DESCRIPTION_LENGTH)
                .requiredText("contactNo", trimmed(input.contactNo()), 20);
        if (!create && (input.salespersonCode() == null || input.salespersonCode().isBlank())) {
            violations.add("salespersonCode", "is required: the salesperson can never be cleared");
        }
        violations.requiredText("salesCycleCode", trimmed(input.salesCycleCode()), 10);
    }

    private static void checkServerOwnedOnCreate(Violations violations, Opportunity input) {
        String owned = "is owned by the server and cannot be set";
        unset(violations, "status", input.status(), owned);
        if (Boolean.TRUE.equals(input.closed())) {
            violations.add("closed", owned);
        }
        unset(violations, "currentStage", input.currentStage(), owned);
        unset(violations, "estimatedValue", input.estimatedValue(), owned + "; give it with activate");
        unset(violations, "calculatedCurrentValue", input.calculatedCurrentValue(), owned);
        unset(violations, "salesQuote", input.salesQuote(), owned + "; link a quote once the opportunity is in"
                + " progress");
        unset(violations, "version", input.version(), "is set by the server");
    }

    private static void checkServerOwned(Violations violations, Opportunity input, Opportunity current) {
        same(violations, "status", input.status(), current.status());
        same(violations, "closed", input.closed(), current.closed());
        same(violations, "currentStage", input.currentStage(), current.currentStage());
        sameNumber(violations, "estimatedValue", input.estimatedValue(), current.estimatedValue());
        sameNumber(violations, "calculatedCurrentValue", input.calculatedCurrentValue(),
                current.calculatedCurrentValue());
        sameNumber(violations, "probabilityPercent", input.probabilityPercent(), current.probabilityPercent());
        SalesQuote quote = input.salesQuote();
        if (quote != null && (current.salesQuote() == null || !current.salesQuote().no().equalsIgnoreCase(
                String.valueOf(quote.no())) || quote.amount().compareTo(current.salesQuote().amount()) != 0)) {
            violations.add("salesQuote", "is changed only through the sales quote operations (current "
                    + current.salesQuote() + ")");
        }
        same(violations, "version", input.version(), current.version());
    }

    private static void checkInput(Violations violations, String prefix, StageUpdate input, Mode mode) {
        violations.required(prefix + "action", input.action());
        if (input.stage() != null && input.stage() < 1) {
            violations.add(prefix + "stage", "must be 1 or more (got " + input.stage() + ")");
        }
        if (mode == Mode.CREATE) {
            violations.required(prefix + "estimatedValue", input.estimatedValue())
                    .required(prefix + "chancesOfSuccessPercent", input.chancesOfSuccessPercent())
                    .required(prefix + "estimatedCloseDate", input.estimatedCloseDate());
        }
        positiveAmount(violations, prefix + "estimatedValue", input.estimatedValue());
        BigDecimal chances = input.chancesOfSuccessPercent();
        if (chances != null && (chances.signum() <= 0 || chances.compareTo(HUNDRED) > 0)) {
            violations.add(prefix + "chancesOfSuccessPercent", "must be greater than 0 and at most 100 (got "
                    + chances.stripTrailingZeros().toPlainString() + ")");
        }
        if (input.dateOfChange() != null && input.estimatedCloseDate() != null
                && input.estimatedCloseDate().isBefore(input.dateOfChange())) {
            violations.add(prefix + "estimatedCloseDate", "must not be before the date of change "
                    + input.dateOfChange() + " (got " + input.estimatedCloseDate() + ")");
        }
    }

    private static void positiveAmount(Violations violations, String field, BigDecimal value) {
        if (value == null) {
            return;
        }
        if (value.signum() <= 0) {
            violations.add(field, "must be greater than 0 (got " + value.stripTrailingZeros().toPlainString() + ")");
        } else if (value.stripTrailingZeros().scale() > Opportunity.AMOUNT_DECIMALS) {
            violations.add(field, "must have at most " + Opportunity.AMOUNT_DECIMALS + " decimals");
        }
    }

    private static void unset(Violations violations, String field, Object value, String message) {
        if (value != null) {
            violations.add(field, message);
        }
    }

    private static void same(Violations violations, String field, Object given, Object current) {
        if (given != null && !given.equals(current)) {
            violations.add(field, "is owned by the server (current " + current + ")");
        }
    }

    private static void sameNumber(Violations violations, String field, BigDecimal given, BigDecimal current) {
        if (given != null && (current == null || given.compareTo(current) != 0)) {
            violations.add(field, "is owned by the server (current "
                    + (current == null ? null : current.toPlainString()) + ")");
        }
    }

    // ---- references and helpers -------------------------------------------------------------

    private static String existingContact(String no) {
        String key = normalised(no);
        if (!CONTACT_COMPANIES.containsKey(key)) {
            throw new ValidationException("contactNo", "names contact " + key + ", which does not exist");
        }
        return key;
    }

    private static String company(String contactNo) {
        String company = CONTACT_COMPANIES.get(contactNo);
        return company.isEmpty() ? null : company;
    }

    private static String assignableSalesperson(String code) {
        String key = normalised(code);
        if (!SALESPEOPLE.contains(key)) {
            throw new ValidationException("salespersonCode", "names salesperson " + key + ", which does not exist");
        }
        return key;
    }

    private static String existingCycle(String code) {
        String key = normalised(code);
        if (!CYCLES.containsKey(key)) {
            throw new ValidationException("salesCycleCode", "names sales cycle " + key + ", which does not exist");
        }
        return key;
    }

    private Row locked(String no, Long expectedVersion) {
        String key = normalised(no);
        Row row = key == null ? null : rows.get(key);
        if (row == null) {
            throw new NotFoundException("opportunity", key);
        }
        if (expectedVersion != null && expectedVersion != row.version) {
            throw new StaleVersionException("opportunity", key, row.version);
        }
        return row;
    }

    private static void refuseIfClosed(Row row) {
        if (!row.status.isOpen()) {
            throw new ConflictException(closedReason(row));
        }
    }

    private static String closedReason(Row row) {
        return "opportunity " + row.no + " is closed (" + row.status + "); closed is final";
    }

    private static Integer currentStage(Row row) {
        return row.active == null ? null : row.active.stage();
    }

    private static Opportunity toRecord(Row row) {
        OpportunityEntry e = row.active;
        return new Opportunity(row.no, row.description, row.contactNo, row.contactCompanyNo, row.salespersonCode,
                row.salesCycleCode, row.priority, row.creationDate, row.status, !row.status.isOpen(), row.dateClosed,
                e == null ? null : e.stage(), e == null ? null : plain(e.estimatedValue()),
                e == null ? null : plain(e.chancesOfSuccessPercent()), e == null ? null : plain(e.completedPercent()),
                e == null ? null : plain(e.probabilityPercent()), e == null ? null : plain(e.calculatedCurrentValue()),
                e == null ? null : e.estimatedCloseDate(), e == null ? null : e.closeCode(), row.salesQuote,
                row.version);
    }

    /** As the module hands numbers out: without trailing zeros, never in exponent form. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static SalesCycleStage stage(int stage, String description, int completed, int chances,
            boolean allowSkip, boolean quoteRequired, String formula) {
        return new SalesCycleStage(stage, description, BigDecimal.valueOf(completed), BigDecimal.valueOf(chances),
                null, quoteRequired, allowSkip, formula, 1L);
    }

    private static SalesCycleStage stageOf(List<SalesCycleStage> stages, int stage) {
        return stages.stream().filter(s -> s.stage() == stage).findFirst().orElseThrow();
    }

    /** Sorts by record accessors of the names the service knows; unknown names are refused as Listing does. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static <T> Comparator<T> order(List<SortKey> keys, List<String> sortable, Class<T> type,
            Comparator<T> tieBreak) {
        Comparator<T> order = null;
        for (SortKey key : keys) {
            if (!sortable.contains(key.field())) {
                throw new ValidationException("sort", "unknown sort field '" + key.field() + "'; sortable: "
                        + sortable.stream().sorted().collect(Collectors.joining(", ")));
            }
            Function<T, Comparable> value = item -> {
                try {
                    return (Comparable) type.getMethod(key.field()).invoke(item);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
            Comparator<T> byKey = Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder()));
            byKey = key.descending() ? byKey.reversed() : byKey;
            order = order == null ? byKey : order.thenComparing(byKey);
        }
        return order == null ? tieBreak : order.thenComparing(tieBreak);
    }

    private static boolean same(String filter, String value) {
        return filter == null || filter.equalsIgnoreCase(Objects.toString(value, ""));
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return (from == null || date != null && !date.isBefore(from)) && (to == null || date != null
                && !date.isAfter(to));
    }

    private static LocalDate later(LocalDate today, LocalDate last) {
        return last != null && last.isAfter(today) ? last : today;
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }

    private static String normalised(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
    }
}
