package org.opportune.opportunities.internal.engine;

import java.util.List;

import org.opportune.api.rule.ProposedMove;
import org.opportune.api.rule.ProposedTarget;

/** The transition rules that apply right now, asked as a whole. */
public interface RuleBook {
    /** @return the refusal of every rule that withholds the target, in evaluation order */
    List<Refusal> checkTarget(ProposedTarget target);

    /** @return the refusal of every rule that refuses the move, in evaluation order */
    List<Refusal> check(ProposedMove move);
}
