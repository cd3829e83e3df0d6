package org.opportune.itests.valuelimit;

import java.math.BigDecimal;
import java.util.Optional;

import org.opportune.api.rule.ProposedMove;
import org.opportune.api.rule.TransitionRule;

/** A third party's transition rule: estimated values above one million need a deal desk, so moves are refused. */
public class ValueLimitRule implements TransitionRule {
    public static final String NAME = "value-limit";
    static final BigDecimal LIMIT = new BigDecimal("1000000");

    @Override
    public Optional<String> check(ProposedMove move) {
        if (move.estimatedValue() != null && move.estimatedValue().compareTo(LIMIT) > 0) {
            return Optional.of("estimated values above " + LIMIT.toPlainString() + " go through the deal desk");
        }
        return Optional.empty();
    }
}
