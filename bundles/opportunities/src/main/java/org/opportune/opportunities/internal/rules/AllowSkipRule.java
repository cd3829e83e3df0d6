package org.opportune.opportunities.internal.rules;

import java.util.List;
import java.util.Optional;

import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.rule.ProposedMove;
import org.opportune.api.rule.ProposedTarget;
import org.opportune.api.rule.TransitionRule;
import org.osgi.service.component.annotations.Component;

/**
 * DOMAIN §5 SKIP: the candidates start at the next stage N, none when N does not allow skip;
 * otherwise N and the following stages while the stage just added allows skip, ending with (and
 * including) the first that does not. So a stage T above N is reachable when every stage from N up
 * to (not including) T allows skip, and N itself when it allows skip.
 */
@Component(service = TransitionRule.class, property = {
        TransitionRule.NAME_PROPERTY + "=" + AllowSkipRule.NAME,
        TransitionRule.DESCRIPTION_PROPERTY + "=SKIP starts only at a next stage that allows skip and passes only"
                + " over stages that allow skip" })
public class AllowSkipRule implements TransitionRule {
    public static final String NAME = "allow-skip";

    @Override
    public Optional<String> checkTarget(ProposedTarget target) {
        if (target.action() != OpportunityAction.SKIP || target.from() == null) {
            return Optional.empty();
        }
        int from = target.from().stage();
        int to = target.to().stage();
        List<SalesCycleStage> above = target.stages().stream().filter(stage -> stage.stage() > from).toList();
        if (above.isEmpty()) {
            return Optional.empty();
        }
        SalesCycleStage next = above.get(0);
        if (!next.allowSkip()) {
            return Optional.of("the next stage " + next.stage() + " does not allow skip, so SKIP cannot start from stage "
                    + from);
        }
        return above.stream().filter(stage -> stage.stage() < to && !stage.allowSkip()).findFirst()
                .map(blocking -> "stage " + blocking.stage() + " does not allow skip, so SKIP cannot pass it to reach"
                        + " stage " + to);
    }

    @Override
    public Optional<String> check(ProposedMove move) {
        return Optional.empty(); // the skip flags decide the targets; the values do not matter
    }
}
