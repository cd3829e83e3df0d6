package org.opportune.api.rule;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A guard evaluated before an opportunity moves to a stage (DOMAIN §5–§6). The opportunities
 * module brings {@code quote-required} (NEXT or SKIP to a stage that requires a quote needs a
 * linked quote) and {@code allow-skip} (SKIP passes only over stages that allow skipping);
 * third parties add their own, e.g. "the estimated value must be at least Y before stage 3".
 * <p>
 * Register an implementation as an OSGi service with the property {@value #NAME_PROPERTY} (the
 * name a refusal reports; a service without it is refused, logged and listed with the problem by
 * {@code /api/v1/extensions}) and preferably {@value #DESCRIPTION_PROPERTY}. It applies from the next
 * request on and stops applying when the service goes away. When two services carry the same name
 * (compared ignoring case), only the one with the higher {@code service.ranking} is evaluated (on
 * equal rankings the one registered first), so a rule can be replaced. Every rule is asked about
 * every move — activations, creates with activation and updates, not closes — and every refusal
 * is reported together in one 409 naming each refusing rule. A rule that throws an unexpected
 * exception makes the move fail with 503 naming it; nothing is written.
 * <p>
 * For example, with Declarative Services:
 * <pre>
 * &#64;Component(property = { TransitionRule.NAME_PROPERTY + "=minimum-value",
 *         TransitionRule.DESCRIPTION_PROPERTY + "=At least 5000 from stage 3 on" })
 * public class MinimumValueRule implements TransitionRule {
 *     public Optional&lt;String&gt; check(ProposedMove move) {
 *         return move.to().stage() &gt;= 3 &amp;&amp; move.estimatedValue().compareTo(BigDecimal.valueOf(5000)) &lt; 0
 *                 ? Optional.of("the estimated value must be at least 5000 from stage 3 on")
 *                 : Optional.empty();
 *     }
 * }
 * </pre>
 */
@ConsumerType
public interface TransitionRule {
    /** Service property: the rule's name, e.g. {@code quote-required}; kebab-case is customary. */
    String NAME_PROPERTY = "opportune.transition.rule";
    /** Service property: one line for administrators saying what the rule refuses. */
    String DESCRIPTION_PROPERTY = "opportune.transition.rule.description";

    /**
     * Whether the action may offer this stage at all. A stage refused here is not a candidate of
     * the action: the update options leave it out (SKIP and JUMP need two candidates left), and a
     * move to it is refused naming this rule. Called before any value is chosen.
     *
     * @return why the stage cannot be a target of the action, or empty (the default) when it can
     */
    default Optional<String> checkTarget(ProposedTarget target) {
        return Optional.empty();
    }

    /**
     * Whether the move may be made with its values.
     *
     * @return why the move is refused, written for the person who asked for it, or empty when it may be made
     */
    Optional<String> check(ProposedMove move);
}
