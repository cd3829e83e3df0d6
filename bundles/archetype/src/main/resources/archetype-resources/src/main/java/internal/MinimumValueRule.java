package ${package}.internal;

import java.math.BigDecimal;
import java.util.Optional;

import org.opportune.api.rule.ProposedMove;
import org.opportune.api.rule.TransitionRule;
import org.osgi.service.component.annotations.Component;

/**
 * A transition rule: from stage 3 on, an opportunity must be worth at least 5,000. Asked about every move from the
 * next request on; a refusal is a 409 naming the rule.
 */
@Component(property = { TransitionRule.NAME_PROPERTY + "=" + MinimumValueRule.NAME,
    TransitionRule.DESCRIPTION_PROPERTY + "=At least 5000 from stage 3 on" })
public class MinimumValueRule implements TransitionRule {
    static final String NAME = "minimum-value";
    static final int FROM_STAGE = 3;
    static final BigDecimal MINIMUM = new BigDecimal("5000");

    @Override
    public Optional<String> check(ProposedMove move) {
        // the move comes with every default applied: its target stage and estimated value are always there
        return move.to().stage() >= FROM_STAGE && move.estimatedValue().compareTo(MINIMUM) < 0
                ? Optional.of("the estimated value must be at least " + MINIMUM + " from stage " + FROM_STAGE + " on")
                : Optional.empty();
    }
}
