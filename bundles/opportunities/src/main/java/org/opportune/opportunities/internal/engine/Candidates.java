package org.opportune.opportunities.internal.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.rule.ProposedTarget;

/**
 * The candidate target stages of one action (DOMAIN §5): the stages the action reaches by the
 * order of the cycle, less those a transition rule withholds (e.g. {@code allow-skip} keeps SKIP
 * to its chain of skippable stages).
 */
public final class Candidates {
    private final OpportunityAction action;
    private final Integer currentStage;
    private final SalesCycleStage from;
    private final List<SalesCycleStage> reachable;
    private final List<SalesCycleStage> offered = new ArrayList<>();
    private final Map<Integer, List<Refusal>> withheld = new LinkedHashMap<>();
    private final String unreachable;

    private Candidates(OpportunityAction action, Integer currentStage, SalesCycleStage from,
            List<SalesCycleStage> reachable, String unreachable) {
        this.action = action;
        this.currentStage = currentStage;
        this.from = from;
        this.reachable = reachable;
        this.unreachable = unreachable;
    }

    /**
     * @param stages not empty
     */
    public static Candidates of(Opportunity opportunity, OpportunityAction action, CycleStages stages,
            RuleBook rules) {
        Integer current = opportunity.currentStage();
        SalesCycleStage from = current == null ? null : stages.find(current).orElseGet(() -> vanished(current));
        Candidates candidates = reachable(opportunity, action, stages, current, from);
        for (SalesCycleStage to : candidates.reachable) {
            List<Refusal> refusals = rules.checkTarget(new ProposedTarget(opportunity, action, from, to, stages.all()));
            if (refusals.isEmpty()) {
                candidates.offered.add(to);
            } else {
                candidates.withheld.put(to.stage(), refusals);
            }
        }
        return candidates;
    }

    private static Candidates reachable(Opportunity opportunity, OpportunityAction action, CycleStages stages,
            Integer current, SalesCycleStage from) {
        String cycle = "sales cycle " + stages.cycleCode();
        if (action == OpportunityAction.FIRST) {
            return current == null ? new Candidates(action, null, null, List.of(stages.lowest()), null)
                    : new Candidates(action, current, from, List.of(), "opportunity " + opportunity.no()
                            + " is started already; FIRST only starts an opportunity without entries");
        }
        if (current == null) {
            return new Candidates(action, null, null, List.of(), "opportunity " + opportunity.no()
                    + " is not started; only FIRST (or activate) starts it");
        }
        List<SalesCycleStage> above = stages.above(current);
        List<SalesCycleStage> below = stages.below(current);
        List<SalesCycleStage> reachable = switch (action) {
            case NEXT -> above.isEmpty() ? List.of() : List.of(above.get(0));
            case PREVIOUS -> below.isEmpty() ? List.of() : List.of(below.get(below.size() - 1));
            case UPDATE -> stages.find(current).map(List::of).orElse(List.of());
            case SKIP -> above;
            case JUMP -> below;
            case FIRST -> throw new IllegalStateException("handled above");
        };
        String reason = switch (action) {
            case NEXT, SKIP -> "there is no stage above stage " + current + " in " + cycle;
            case PREVIOUS, JUMP -> "there is no stage below stage " + current + " in " + cycle;
            default -> "stage " + current + " is no longer a stage of " + cycle;
        };
        return new Candidates(action, current, from, reachable, reachable.isEmpty() ? reason : null);
    }

    /** The current stage when it was deleted from the cycle meanwhile: known by its number only. */
    private static SalesCycleStage vanished(int stage) {
        return new VanishedStage(stage);
    }

    /** A stage known by its number only: no description, percentages 0, no formula, no idle limit. */
    private record VanishedStage(int stage) implements SalesCycleStage {
        @Override
        public String description() {
            return null;
        }

        @Override
        public BigDecimal completedPercent() {
            return BigDecimal.ZERO;
        }

        @Override
        public BigDecimal chancesOfSuccessPercent() {
            return BigDecimal.ZERO;
        }

        @Override
        public String activityCode() {
            return null;
        }

        @Override
        public Integer maxDaysIdle() {
            return null;
        }

        @Override
        public boolean quoteRequired() {
            return false;
        }

        @Override
        public boolean allowSkip() {
            return false;
        }

        @Override
        public String dateFormula() {
            return null;
        }

        @Override
        public long version() {
            return 0;
        }

        @Override
        public String changedBy() {
            return null;
        }

        @Override
        public Instant changedAt() {
            return null;
        }
    }

    public OpportunityAction action() {
        return action;
    }

    /** The current stage, null when there is no entry. */
    public SalesCycleStage from() {
        return from;
    }

    /** SKIP and JUMP need two candidates; other actions one. */
    public int minimum() {
        return action == OpportunityAction.SKIP || action == OpportunityAction.JUMP ? 2 : 1;
    }

    public boolean possible() {
        return offered.size() >= minimum();
    }

    public List<Integer> numbers() {
        return offered.stream().map(SalesCycleStage::stage).toList();
    }

    /** Only when possible: the lowest candidate, for JUMP the highest. */
    public SalesCycleStage defaultTarget() {
        return action == OpportunityAction.JUMP ? offered.get(offered.size() - 1) : offered.get(0);
    }

    /** @return the stage when the action reaches it by the cycle's order, whether offered or withheld */
    public Optional<SalesCycleStage> reachable(int stage) {
        return reachable.stream().filter(candidate -> candidate.stage() == stage).findFirst();
    }

    /** @return the refusals of the rules that withhold the stage, empty when it is offered */
    public List<Refusal> withheld(int stage) {
        return withheld.getOrDefault(stage, List.of());
    }

    /** @return the names of the rules that withhold any stage */
    public List<String> withholdingRules() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        withheld.values().forEach(refusals -> refusals.forEach(refusal -> names.add(refusal.rule())));
        return List.copyOf(names);
    }

    /** Only when not possible: why, naming what withheld stages. */
    public String whyNot() {
        String prefix = action + " is not possible" + (currentStage == null ? "" : " from stage " + currentStage);
        if (reachable.isEmpty()) {
            return prefix + ": " + unreachable;
        }
        StringBuilder reason = new StringBuilder(prefix);
        if (minimum() > 1) {
            reason.append(": it needs at least ").append(minimum()).append(" candidate stages and has ")
                    .append(offered.isEmpty() ? "none" : offered.size() + " (" + joined(numbers()) + ")");
        }
        if (!withheld.isEmpty()) {
            reason.append(minimum() > 1 ? "; " : ": ").append(withheld.entrySet().stream()
                    .map(entry -> "stage " + entry.getKey() + ": " + joined(entry.getValue()))
                    .collect(Collectors.joining("; ")));
        }
        return reason.toString();
    }

    /** Only when possible: why {@code stage} is not a candidate. */
    public String notACandidate(int stage) {
        String text = "stage " + stage + " is not a candidate of " + action
                + (currentStage == null ? "" : " from stage " + currentStage) + "; candidates: " + joined(numbers());
        List<Refusal> refusals = withheld(stage);
        return refusals.isEmpty() ? text : text + " (" + joined(refusals) + ")";
    }

    static String joined(List<?> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
