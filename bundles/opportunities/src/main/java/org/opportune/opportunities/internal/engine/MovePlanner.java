package org.opportune.opportunities.internal.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.OpportuneException;
import org.opportune.api.Violations;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.dateformula.DateFormula;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.Activation;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.opportunity.UpdateOption;
import org.opportune.api.rule.ProposedMove;

/**
 * Plans the entry of a move (DOMAIN §4–§5): candidate stages, defaults, refusals, transition
 * rules and values. Pure: it reads what it is given and writes nothing, so the update options (a
 * dry run) and the real move take the same path.
 */
public final class MovePlanner {

    /** What kind of move: they differ in their inputs and defaults. */
    public enum Mode {
        /** An update through {@code /updates}: every value may be defaulted. */
        UPDATE,
        /** "Activate first stage": estimated value 0 and the stage's chances. */
        ACTIVATE,
        /** A create with activation: estimated value, chances and close date are given. */
        CREATE
    }

    /**
     * A move to plan.
     *
     * @param current          the opportunity as it is now
     * @param lastDateOfChange the active entry's date of change, null without entries
     * @param input            the update; for ACTIVATE and CREATE a FIRST with the given values
     */
    public record Move(Opportunity current, LocalDate lastDateOfChange, CycleStages stages, Mode mode,
            StageUpdate input, LocalDate today, Probability probability) {
    }

    private record Values(LocalDate dateOfChange, BigDecimal estimatedValue, BigDecimal chancesOfSuccessPercent,
            LocalDate estimatedCloseDate) {
    }

    private final RuleBook rules;

    public MovePlanner(RuleBook rules) {
        this.rules = rules;
    }

    /** The update of "activate first stage". */
    public static StageUpdate activation(LocalDate dateOfChange, boolean cancelOpenTasks) {
        return StageUpdate.builder(OpportunityAction.FIRST).dateOfChange(dateOfChange)
                .cancelOpenTasks(cancelOpenTasks).build();
    }

    /** The update of a create with activation. */
    public static StageUpdate activation(Activation activation) {
        return StageUpdate.builder(OpportunityAction.FIRST).dateOfChange(activation.dateOfChange())
                .estimatedValue(activation.estimatedValue())
                .chancesOfSuccessPercent(activation.chancesOfSuccessPercent())
                .estimatedCloseDate(activation.estimatedCloseDate()).build();
    }

    /**
     * Checks the values of an update that are invalid in themselves (400).
     *
     * @param prefix put in front of every field name, e.g. {@code activate.}
     */
    public static void checkInput(Violations violations, String prefix, StageUpdate input, Mode mode) {
        violations.required(prefix + "action", input.action());
        if (input.stage() != null && input.stage() < 1) {
            violations.add(prefix + "stage", "must be 1 or more (got " + input.stage() + ")");
        }
        if (mode == Mode.CREATE) {
            violations.required(prefix + "estimatedValue", input.estimatedValue())
                    .required(prefix + "chancesOfSuccessPercent", input.chancesOfSuccessPercent())
                    .required(prefix + "estimatedCloseDate", input.estimatedCloseDate());
        }
        Inputs.positiveAmount(violations, prefix + "estimatedValue", input.estimatedValue());
        Inputs.chances(violations, prefix + "chancesOfSuccessPercent", input.chancesOfSuccessPercent());
        if (input.dateOfChange() != null && input.estimatedCloseDate() != null
                && input.estimatedCloseDate().isBefore(input.dateOfChange())) {
            violations.add(prefix + "estimatedCloseDate", "must not be before the date of change "
                    + input.dateOfChange() + " (got " + input.estimatedCloseDate() + ")");
        }
    }

    /**
     * Plans the entry of a move whose input passed {@link #checkInput}.
     *
     * @throws ConflictException    the state refuses the move, or transition rules do (all named)
     * @throws org.opportune.api.UnavailableException the probability model or a rule failed
     */
    public PlannedEntry plan(Move move) {
        OpportunityAction action = move.input().action();
        Candidates candidates = candidates(move, action);
        if (!candidates.possible()) {
            throw new ConflictException(candidates.whyNot(), List.of(new FieldError("action", candidates.whyNot())),
                    candidates.withholdingRules());
        }
        SalesCycleStage target = target(candidates, move.input().stage());
        Values values = values(move, action, target);
        checkValues(move, values);
        ActionTaken actionTaken = actionTaken(move, action, target);
        List<Refusal> refusals = new ArrayList<>(candidates.withheld(target.stage()));
        refusals.addAll(rules.check(new ProposedMove(move.current(), action, actionTaken, candidates.from(), target,
                move.stages().all(), values.dateOfChange(), values.estimatedValue(),
                values.chancesOfSuccessPercent(), values.estimatedCloseDate(), move.current().salesQuote() != null)));
        if (!refusals.isEmpty()) {
            throw refused(action, target, refusals);
        }
        BigDecimal completed = percent(target.completedPercent());
        BigDecimal probability = move.probability().of(completed, values.chancesOfSuccessPercent());
        BigDecimal calculatedCurrentValue = values.estimatedValue().multiply(probability).movePointLeft(2);
        return new PlannedEntry(target.stage(), target.description(), move.current().currentStage(), actionTaken,
                values.dateOfChange(), values.estimatedValue(), values.chancesOfSuccessPercent(), completed,
                probability, calculatedCurrentValue, values.estimatedCloseDate(), null);
    }

    /** What the action would do now with all its defaults, by the same path as {@link #plan}. */
    public UpdateOption option(Move move) {
        OpportunityAction action = move.input().action();
        Candidates candidates;
        try {
            candidates = candidates(move, action);
        } catch (OpportuneException e) {
            return new UpdateOption(action, false, e.getMessage(), rulesOf(e), List.of(), null, null);
        }
        if (!candidates.possible()) {
            return new UpdateOption(action, false, candidates.whyNot(), candidates.withholdingRules(),
                    candidates.numbers(), null, null);
        }
        SalesCycleStage target = candidates.defaultTarget();
        Values values = values(move, action, target);
        StageUpdate defaults = StageUpdate.builder(action).stage(target.stage()).dateOfChange(values.dateOfChange())
                .estimatedValue(values.estimatedValue()).chancesOfSuccessPercent(values.chancesOfSuccessPercent())
                .estimatedCloseDate(values.estimatedCloseDate()).build();
        ActionTaken actionTaken = actionTaken(move, action, target);
        try {
            plan(move);
            return new UpdateOption(action, true, null, List.of(), candidates.numbers(), defaults, actionTaken);
        } catch (OpportuneException e) {
            return new UpdateOption(action, false, e.getMessage(), rulesOf(e), candidates.numbers(), defaults,
                    actionTaken);
        }
    }

    private Candidates candidates(Move move, OpportunityAction action) {
        Opportunity current = move.current();
        if (current.closed()) {
            throw new ConflictException("opportunity " + current.no() + " is closed (" + current.status()
                    + "); closed is final");
        }
        if (move.stages().isEmpty()) {
            throw new ConflictException("sales cycle " + move.stages().cycleCode() + " has no stages",
                    List.of(new FieldError("salesCycleCode", "names a sales cycle without stages")));
        }
        return Candidates.of(current, action, move.stages(), rules);
    }

    private static SalesCycleStage target(Candidates candidates, Integer given) {
        if (given == null) {
            return candidates.defaultTarget();
        }
        SalesCycleStage target = candidates.reachable(given).orElse(null);
        if (target == null) {
            String reason = candidates.notACandidate(given);
            throw new ConflictException(reason, List.of(new FieldError("stage", reason)));
        }
        return target; // a withheld target is refused with every other rule's refusal
    }

    /** The defaults of DOMAIN §5 and the chances of DOMAIN §4.1. */
    private static Values values(Move move, OpportunityAction action, SalesCycleStage target) {
        StageUpdate input = move.input();
        Opportunity current = move.current();
        LocalDate dateOfChange = input.dateOfChange() != null ? input.dateOfChange()
                : later(move.today(), move.lastDateOfChange());
        BigDecimal estimatedValue;
        BigDecimal given;
        if (move.mode() == Mode.ACTIVATE) {
            estimatedValue = BigDecimal.ZERO;
            given = BigDecimal.ZERO;
        } else {
            estimatedValue = input.estimatedValue() != null ? input.estimatedValue()
                    : current.salesQuote() != null ? current.salesQuote().amount()
                    : current.estimatedValue() != null ? current.estimatedValue() : BigDecimal.ZERO;
            given = input.chancesOfSuccessPercent() != null ? input.chancesOfSuccessPercent()
                    : percent(target.chancesOfSuccessPercent());
        }
        BigDecimal stageChances = percent(target.chancesOfSuccessPercent());
        boolean stageWins = given.signum() == 0 || action == OpportunityAction.SKIP || action == OpportunityAction.JUMP;
        BigDecimal chances = stageWins && stageChances.signum() != 0 ? stageChances : given;
        LocalDate estimatedCloseDate = input.estimatedCloseDate();
        if (estimatedCloseDate == null || estimatedCloseDate.equals(dateOfChange)) {
            estimatedCloseDate = DateFormula.parse(target.dateFormula()).apply(dateOfChange);
        }
        return new Values(dateOfChange, estimatedValue, chances, estimatedCloseDate);
    }

    /** Refusals that depend on the state, after the defaults (409). */
    private static void checkValues(Move move, Values values) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate last = move.lastDateOfChange();
        if (last != null && values.dateOfChange().isBefore(last)) {
            errors.add(new FieldError("dateOfChange", "must not be before the last date of change " + last + " (got "
                    + values.dateOfChange() + ")"));
        }
        if (move.mode() != Mode.ACTIVATE && values.estimatedValue().signum() <= 0) {
            errors.add(new FieldError("estimatedValue", "must be given: the default, the last estimated value ("
                    + values.estimatedValue().stripTrailingZeros().toPlainString() + "), is not greater than 0"));
        }
        if (move.mode() != Mode.ACTIVATE && values.chancesOfSuccessPercent().signum() <= 0) {
            errors.add(new FieldError("chancesOfSuccessPercent",
                    "must be given: the default, the target stage's chances of success, is 0"));
        }
        if (values.estimatedCloseDate().isBefore(values.dateOfChange())) {
            errors.add(new FieldError("estimatedCloseDate", "must not be before the date of change "
                    + values.dateOfChange() + " (got " + values.estimatedCloseDate() + ")"));
        }
        if (!errors.isEmpty()) {
            throw new ConflictException(errors.stream().map(error -> error.field() + " " + error.message())
                    .collect(Collectors.joining("; ")), errors);
        }
    }

    /** DOMAIN §5: SKIP to the adjacent next stage is a NEXT, JUMP to the adjacent previous one a PREVIOUS. */
    private static ActionTaken actionTaken(Move move, OpportunityAction action, SalesCycleStage target) {
        return switch (action) {
            case FIRST -> ActionTaken.NONE;
            case NEXT -> ActionTaken.NEXT;
            case PREVIOUS -> ActionTaken.PREVIOUS;
            case UPDATE -> ActionTaken.UPDATED;
            case SKIP -> {
                List<SalesCycleStage> above = move.stages().above(move.current().currentStage());
                yield above.get(0).stage() == target.stage() ? ActionTaken.NEXT : ActionTaken.JUMPED;
            }
            case JUMP -> {
                List<SalesCycleStage> below = move.stages().below(move.current().currentStage());
                yield below.get(below.size() - 1).stage() == target.stage() ? ActionTaken.PREVIOUS
                        : ActionTaken.JUMPED;
            }
        };
    }

    private static ConflictException refused(OpportunityAction action, SalesCycleStage target,
            List<Refusal> refusals) {
        String message = action + " to stage " + target.stage() + " is refused: "
                + refusals.stream().map(Refusal::toString).collect(Collectors.joining("; "));
        List<FieldError> errors = refusals.stream()
                .map(refusal -> new FieldError("stage", refusal.toString())).toList();
        List<String> names = refusals.stream().map(Refusal::rule).distinct().toList();
        return new ConflictException(message, errors, names);
    }

    private static List<String> rulesOf(OpportuneException e) {
        return e instanceof ConflictException conflict ? conflict.rules() : List.of();
    }

    private static LocalDate later(LocalDate today, LocalDate last) {
        return last != null && last.isAfter(today) ? last : today;
    }

    private static BigDecimal percent(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
