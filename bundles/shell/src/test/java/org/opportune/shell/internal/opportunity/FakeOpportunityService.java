package org.opportune.shell.internal.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.opportunity.Activation;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.NewOpportunity;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityChange;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityQuery;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.opportunity.UpdateOptions;
import org.opportune.api.rule.TransitionRuleInfo;
import org.opportune.shell.internal.FakeService;
import org.opportune.shell.internal.Inputs;
import org.opportune.shell.internal.Pages;
import org.opportune.shell.internal.Rows;
import org.opportune.shell.internal.Views;
import org.opportune.shell.internal.Views.OpportunityView;

/**
 * An in-memory OpportunityService on the cycle of DOMAIN §9 (stages 1–4, MULTIPLY, today
 * {@link #TODAY}), ordered by no., numbering new opportunities OP000001, OP000002 … It records every
 * write with the version the command expected. Its moves know the default target of each action
 * on contiguous stages, nothing of skip chains or rules: the commands only pass values through.
 */
public final class FakeOpportunityService extends FakeService<Opportunity, OpportunityQuery>
        implements OpportunityService {

    /** One call of {@link #create}: what was sent, field by field (see {@link Inputs}). */
    public record Creation(Map<String, Object> sent) {
    }

    public record Activate(String no, LocalDate dateOfChange, Long expectedVersion) {
    }

    public record Move(String no, StageUpdate update, Long expectedVersion) {
    }

    public record Close(String no, Closing closing, Long expectedVersion) {
    }

    public record Deletion(String no, Long expectedVersion) {
    }

    /** A stage of cycle STD: completed %, chances %, and its date formula in days. */
    private record Stage(int completed, int chances, int days) {
    }

    static final LocalDate TODAY = LocalDate.of(2024, 1, 20);
    private static final Map<Integer, Stage> STAGES = Map.of(1, new Stage(10, 20, 5), 2, new Stage(30, 40, 10),
            3, new Stage(60, 50, 7), 4, new Stage(80, 75, 14));
    private static final Map<String, CloseOutcome> CLOSE_CODES = Map.of("WIN1", CloseOutcome.WON,
            "PRICE", CloseOutcome.LOST);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Map<String, List<OpportunityEntry>> entries = new HashMap<>();
    private int lastNumber;
    public final List<Creation> creations = new ArrayList<>();
    public final List<Activate> activations = new ArrayList<>();
    public final List<Move> moves = new ArrayList<>();
    public final List<Close> closings = new ArrayList<>();
    public final List<Deletion> deletions = new ArrayList<>();

    public FakeOpportunityService() {
        super(new Rows<>("opportunity", Opportunity::no, Opportunity::version), SORT_FIELDS);
    }

    /** Stores an opportunity as it is, version included. */
    public FakeOpportunityService with(Opportunity opportunity) {
        rows.put(opportunity);
        return this;
    }

    /** Stores the entry history of an opportunity. */
    public FakeOpportunityService withEntries(String no, List<OpportunityEntry> history) {
        entries.put(no, List.copyOf(history));
        return this;
    }

    @Override
    public Opportunity create(NewOpportunity input) {
        creations.add(new Creation(Inputs.fields(input)));
        Activation activation = input.activation();
        Violations violations = new Violations()
                .requiredText("description", input.description(), Opportunity.DESCRIPTION_LENGTH)
                .required("contactNo", input.contactNo()).required("salesCycleCode", input.salesCycleCode());
        if (activation != null) {
            violations.required("activate.estimatedValue", activation.estimatedValue())
                    .required("activate.chancesOfSuccessPercent", activation.chancesOfSuccessPercent())
                    .required("activate.estimatedCloseDate", activation.estimatedCloseDate());
        }
        violations.throwIfAny();
        String no = input.no() == null ? nextNo() : Rows.key(input.no());
        if (rows.contains(no)) {
            throw new ConflictException("opportunity " + no + " exists already");
        }
        // every contact of the tests is in JO's charge
        Opportunity created = new OpportunityView(no, input.description(), Rows.key(input.contactNo()), null,
                input.salespersonCode() == null ? "JO" : Rows.key(input.salespersonCode()),
                Rows.key(input.salesCycleCode()),
                input.priority() == null ? OpportunityPriority.NORMAL : input.priority(), TODAY,
                OpportunityStatus.NOT_STARTED, false, null, null, null, null, null, null, null, null, null, null, 1L,
                changedBy(), Views.COMMITTED);
        if (activation != null) {
            LocalDate date = activation.dateOfChange() == null ? TODAY : activation.dateOfChange();
            created = atStage(created, 1, date, activation.estimatedValue(), activation.chancesOfSuccessPercent(),
                    activation.estimatedCloseDate());
        }
        return rows.put(created);
    }

    @Override
    protected boolean matches(OpportunityQuery query, Opportunity opportunity) {
        return Rows.matches(query.text(), opportunity.no(), opportunity.description())
                && (query.status() == null || opportunity.status() == query.status())
                && (query.closed() == null || query.closed() == opportunity.closed())
                && (query.salespersonCode() == null || query.salespersonCode().equals(opportunity.salespersonCode()))
                && (query.contactNo() == null || query.contactNo().equals(opportunity.contactNo()))
                && (query.salesCycleCode() == null || query.salesCycleCode().equals(opportunity.salesCycleCode()));
    }

    @Override
    public Opportunity update(String no, OpportunityChange change, Long expectedVersion) {
        throw new UnsupportedOperationException("no command changes the editable fields");
    }

    @Override
    public void delete(String no, Long expectedVersion) {
        deletions.add(new Deletion(no, expectedVersion));
        Opportunity current = rows.current(no, expectedVersion);
        if (current.status() == OpportunityStatus.IN_PROGRESS) {
            throw new ConflictException("opportunity " + current.no()
                    + " is in progress and cannot be deleted; close it first");
        }
        rows.remove(current.no());
    }

    @Override
    public Opportunity activate(String no, LocalDate dateOfChange, boolean cancelOpenTasks, Long expectedVersion) {
        activations.add(new Activate(no, dateOfChange, expectedVersion));
        Opportunity current = rows.current(no, expectedVersion);
        if (current.status() != OpportunityStatus.NOT_STARTED) {
            throw new ConflictException("opportunity " + current.no() + " is " + current.status()
                    + "; only a not-started opportunity can be activated");
        }
        return store(atStage(current, 1, dateOfChange == null ? TODAY : dateOfChange, BigDecimal.ZERO, null, null));
    }

    @Override
    public Opportunity move(String no, StageUpdate update, Long expectedVersion) {
        moves.add(new Move(no, update, expectedVersion));
        if (update.estimatedValue() != null && update.estimatedValue().signum() <= 0) {
            throw new ValidationException("estimatedValue", "must be greater than 0 (got "
                    + update.estimatedValue().toPlainString() + ")");
        }
        Opportunity current = open(no, expectedVersion);
        boolean started = current.currentStage() != null;
        if (started == (update.action() == OpportunityAction.FIRST)) {
            String reason = started ? "FIRST is possible only before the first stage"
                    : update.action() + " is not possible before the first stage; use FIRST or activate";
            throw new ConflictException(reason, List.of(new FieldError("action", reason)));
        }
        int target = update.stage() != null ? update.stage() : switch (update.action()) {
            case FIRST -> 1;
            case NEXT, SKIP -> current.currentStage() + 1;
            case PREVIOUS, JUMP -> current.currentStage() - 1;
            case UPDATE -> current.currentStage();
        };
        if (!STAGES.containsKey(target)) {
            String reason = "stage " + target + " is not a candidate of " + update.action();
            throw new ConflictException(reason, List.of(new FieldError("stage", reason)));
        }
        return store(atStage(current, target, update.dateOfChange() == null ? TODAY : update.dateOfChange(),
                update.estimatedValue() == null ? current.estimatedValue() : update.estimatedValue(),
                update.chancesOfSuccessPercent(), update.estimatedCloseDate()));
    }

    @Override
    public UpdateOptions updateOptions(String no) {
        throw new UnsupportedOperationException("no command asks for the update options");
    }

    @Override
    public Opportunity close(String no, Closing closing, Long expectedVersion) {
        closings.add(new Close(no, closing, expectedVersion));
        Opportunity current = open(no, expectedVersion);
        if (CLOSE_CODES.get(closing.closeCode()) != closing.outcome()) {
            throw new ValidationException("closeCode", "must name a close opportunity code of type "
                    + closing.outcome() + " (got " + closing.closeCode() + ")");
        }
        boolean won = closing.outcome() == CloseOutcome.WON;
        SalesQuote quote = current.salesQuote();
        if (won && quote == null && closing.value() == null) {
            throw new ValidationException("value", "is required to close as WON when no sales quote is linked");
        }
        LocalDate date = closing.dateClosed() == null ? TODAY : closing.dateClosed();
        BigDecimal percent = won ? HUNDRED : BigDecimal.ZERO;
        BigDecimal value = !won ? BigDecimal.ZERO : quote != null ? quote.amount() : closing.value();
        return store(new OpportunityView(current.no(), current.description(), current.contactNo(),
                current.contactCompanyNo(), current.salespersonCode(), current.salesCycleCode(), current.priority(),
                current.creationDate(), won ? OpportunityStatus.WON : OpportunityStatus.LOST, true, date, 0,
                current.estimatedValue(), percent, HUNDRED, percent, value, date, closing.closeCode(), quote,
                current.version() + 1, changedBy(), Views.COMMITTED));
    }

    @Override
    public Opportunity assignSalesQuote(String no, SalesQuote quote, Long expectedVersion) {
        throw new UnsupportedOperationException("no command links sales quotes");
    }

    @Override
    public Opportunity removeSalesQuote(String no, Long expectedVersion) {
        throw new UnsupportedOperationException("no command removes sales quotes");
    }

    @Override
    public Page<OpportunityEntry> entries(String no, PageRequest page) {
        lastPage = page;
        return Pages.of(entries.getOrDefault(get(no).no(), List.of()), page, ENTRY_SORT_FIELDS);
    }

    @Override
    public List<TransitionRuleInfo> transitionRules() {
        throw new UnsupportedOperationException("no command lists transition rules");
    }

    /** The opportunity at the version expected, refused when closed. */
    private Opportunity open(String no, Long expectedVersion) {
        Opportunity current = rows.current(no, expectedVersion);
        if (current.closed()) {
            throw new ConflictException("opportunity " + current.no() + " is closed (" + current.status()
                    + "); closed is final");
        }
        return current;
    }

    /** The opportunity standing at a stage with the values DOMAIN §4 computes, at the next version. */
    private Opportunity atStage(Opportunity current, int stage, LocalDate date, BigDecimal value,
            BigDecimal chancesGiven, LocalDate closeDateGiven) {
        Stage values = STAGES.get(stage);
        BigDecimal chances = chancesGiven == null ? BigDecimal.valueOf(values.chances()) : chancesGiven;
        BigDecimal completed = BigDecimal.valueOf(values.completed());
        BigDecimal probability = plain(chances.multiply(completed).divide(HUNDRED));
        BigDecimal ccv = plain(value.multiply(probability).divide(HUNDRED));
        LocalDate closeDate = closeDateGiven == null || closeDateGiven.equals(date) ? date.plusDays(values.days())
                : closeDateGiven;
        return new OpportunityView(current.no(), current.description(), current.contactNo(),
                current.contactCompanyNo(), current.salespersonCode(), current.salesCycleCode(), current.priority(),
                current.creationDate(), OpportunityStatus.IN_PROGRESS, false, null, stage, value, chances, completed,
                probability, ccv, closeDate, null, current.salesQuote(), current.version() + 1,
                changedBy(), Views.COMMITTED);
    }

    /** Without trailing zeros, as the service returns values, but never in exponent form (250, not 2.5E+2). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private Opportunity store(Opportunity opportunity) {
        return rows.put(opportunity);
    }

    /** The next number of the series that no opportunity has yet. */
    private String nextNo() {
        String no;
        do {
            no = String.format("OP%06d", ++lastNumber);
        } while (rows.contains(no));
        return no;
    }
}
