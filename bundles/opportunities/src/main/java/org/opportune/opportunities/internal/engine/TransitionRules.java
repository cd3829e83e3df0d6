package org.opportune.opportunities.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.opportune.api.Codes;
import org.opportune.api.OpportuneException;
import org.opportune.api.UnavailableException;
import org.opportune.api.rule.ProposedMove;
import org.opportune.api.rule.ProposedTarget;
import org.opportune.api.rule.TransitionRule;
import org.opportune.api.rule.TransitionRuleInfo;
import org.opportune.api.whiteboard.RankedRegistry;
import org.opportune.api.whiteboard.RankedRegistry.Registration;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.LoggerFactory;

/**
 * The transition rules registered right now, fed by DS bind/updated/unbind calls with the services'
 * properties (unit tests feed it the same way). Each request takes one snapshot, so a rule that
 * comes or goes applies from the next request on.
 * <p>
 * Which registration of a name is evaluated is the {@link RankedRegistry}'s decision: a rule's name
 * is its {@value TransitionRule#NAME_PROPERTY} property (a rule without it is refused, logged and
 * listed with the problem), compared ignoring case, and of several the one with the highest
 * {@code service.ranking} wins. Rules are evaluated by descending ranking, then name, and every one
 * of them is asked: the refusals are collected, not cut short at the first.
 */
public final class TransitionRules implements RuleBook {

    private static final Comparator<Registration<TransitionRule>> EVALUATION = Comparator
            .comparingInt((Registration<TransitionRule> registration) -> registration.ranking()).reversed()
            .thenComparing(registration -> Codes.normalise(registration.name()));

    private final RankedRegistry<TransitionRule> rules;

    public TransitionRules() {
        this(LoggerFactory.getLogger(TransitionRules.class)::warn);
    }

    /** @param refusals told once about each refused rule */
    public TransitionRules(Consumer<String> refusals) {
        rules = new RankedRegistry<>("transition rule", TransitionRule.NAME_PROPERTY, refusals);
    }

    public void add(TransitionRule rule, Map<String, ?> properties) {
        Bundle bundle = FrameworkUtil.getBundle(rule.getClass());
        rules.add(rule, properties, bundle == null ? null : bundle.getSymbolicName());
    }

    /** Takes changed properties, e.g. a new ranking, keeping the registration's place. */
    public void update(TransitionRule rule, Map<String, ?> properties) {
        rules.update(rule, properties);
    }

    public void remove(TransitionRule rule) {
        rules.remove(rule);
    }

    @Override
    public List<Refusal> checkTarget(ProposedTarget target) {
        return ask(rule -> rule.checkTarget(target));
    }

    @Override
    public List<Refusal> check(ProposedMove move) {
        return ask(rule -> rule.check(move));
    }

    private List<Refusal> ask(Function<TransitionRule, Optional<String>> question) {
        List<Refusal> refusals = new ArrayList<>();
        for (Registration<TransitionRule> registration : rules.inUse().stream().sorted(EVALUATION).toList()) {
            Optional<String> reason;
            try {
                reason = question.apply(registration.service());
            } catch (OpportuneException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new UnavailableException("transition rule " + registration.name() + " failed: " + e
                        + "; nothing was changed");
            }
            if (reason != null && reason.isPresent()) {
                refusals.add(new Refusal(registration.name(), reason.get()));
            }
        }
        return refusals;
    }

    /** @return every registration by name, the one evaluated first for each name, refused ones with why */
    public List<TransitionRuleInfo> installed() {
        return rules.registrations().stream().map(registration -> new TransitionRuleInfo(registration.name(),
                description(registration.properties()), registration.bundle(), registration.ranking(),
                registration.active(), registration.problem())).toList();
    }

    private static String description(Map<String, ?> properties) {
        Object description = properties.get(TransitionRule.DESCRIPTION_PROPERTY);
        return description instanceof String text && !text.isBlank() ? text.trim() : null;
    }
}
