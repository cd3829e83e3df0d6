package org.opportune.opportunities.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.opportune.api.OpportuneException;
import org.opportune.api.UnavailableException;
import org.opportune.api.rule.ProposedMove;
import org.opportune.api.rule.ProposedTarget;
import org.opportune.api.rule.TransitionRule;
import org.opportune.api.rule.TransitionRuleInfo;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;

/**
 * The transition rules registered right now, fed by DS bind/unbind calls with the services'
 * properties (unit tests feed it the same way). Each request takes one snapshot, so a rule that
 * comes or goes applies from the next request on.
 * <p>
 * A rule's name is its {@value TransitionRule#NAME_PROPERTY} property, else its class name; names
 * are compared ignoring case. Of several registrations with one name only the one with the highest
 * {@code service.ranking} is evaluated (on equal rankings the lowest {@code service.id}, i.e. the
 * first registered). Rules are evaluated by descending ranking, then name, and every one of them
 * is asked: the refusals are collected, not cut short at the first.
 */
public final class TransitionRules implements RuleBook {

    private record Registration(TransitionRule rule, String name, String description, int ranking, long serviceId,
            long order, String bundle) {

        String key() {
            return name.toLowerCase(Locale.ROOT);
        }
    }

    private static final Comparator<Registration> PRECEDENCE = Comparator
            .comparingInt(Registration::ranking).reversed()
            .thenComparingLong(Registration::serviceId)
            .thenComparingLong(Registration::order);

    private static final Comparator<Registration> EVALUATION = Comparator
            .comparingInt(Registration::ranking).reversed()
            .thenComparing(Registration::key);

    private static final Comparator<Registration> LISTING = Comparator
            .comparing(Registration::key).thenComparing(PRECEDENCE);

    /** Every registration, and the ones evaluated; both replaced as a whole, so readers need no lock. */
    private volatile List<Registration> registrations = List.of();
    private volatile List<Registration> evaluated = List.of();
    private long registered;

    public synchronized void add(TransitionRule rule, Map<String, ?> properties) {
        List<Registration> next = new ArrayList<>(registrations);
        next.add(registration(rule, properties, registered++));
        publish(next);
    }

    /** Takes changed properties, e.g. a new ranking, keeping the registration's place. */
    public synchronized void update(TransitionRule rule, Map<String, ?> properties) {
        List<Registration> next = new ArrayList<>();
        for (Registration registration : registrations) {
            next.add(registration.rule() == rule ? registration(rule, properties, registration.order())
                    : registration);
        }
        publish(next);
    }

    public synchronized void remove(TransitionRule rule) {
        publish(registrations.stream().filter(registration -> registration.rule() != rule).toList());
    }

    private void publish(List<Registration> next) {
        List<Registration> winners = new ArrayList<>();
        for (Registration registration : next) {
            boolean outranked = next.stream().anyMatch(other -> other != registration
                    && other.key().equals(registration.key()) && PRECEDENCE.compare(other, registration) < 0);
            if (!outranked) {
                winners.add(registration);
            }
        }
        winners.sort(EVALUATION);
        registrations = List.copyOf(next);
        evaluated = List.copyOf(winners);
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
        for (Registration registration : evaluated) {
            Optional<String> reason;
            try {
                reason = question.apply(registration.rule());
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

    /** @return every registration by name, the one evaluated first for each name */
    public List<TransitionRuleInfo> installed() {
        List<TransitionRuleInfo> infos = new ArrayList<>();
        String previousKey = null;
        for (Registration registration : registrations.stream().sorted(LISTING).toList()) {
            boolean active = !registration.key().equals(previousKey);
            infos.add(new TransitionRuleInfo(registration.name(), registration.description(), registration.bundle(),
                    registration.ranking(), active));
            previousKey = registration.key();
        }
        return infos;
    }

    private static Registration registration(TransitionRule rule, Map<String, ?> properties, long order) {
        Object name = properties.get(TransitionRule.NAME_PROPERTY);
        Object description = properties.get(TransitionRule.DESCRIPTION_PROPERTY);
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object serviceId = properties.get(Constants.SERVICE_ID);
        Bundle bundle = FrameworkUtil.getBundle(rule.getClass());
        return new Registration(rule,
                name instanceof String text && !text.isBlank() ? text.trim() : rule.getClass().getName(),
                description instanceof String text && !text.isBlank() ? text.trim() : null,
                ranking instanceof Integer value ? value : 0,
                serviceId instanceof Long value ? value : Long.MAX_VALUE, order,
                bundle == null ? null : bundle.getSymbolicName());
    }
}
