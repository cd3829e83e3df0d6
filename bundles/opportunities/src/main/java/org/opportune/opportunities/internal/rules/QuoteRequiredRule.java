package org.opportune.opportunities.internal.rules;

import java.util.Optional;

import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.rule.ProposedMove;
import org.opportune.api.rule.TransitionRule;
import org.osgi.service.component.annotations.Component;

/**
 * DOMAIN §5: NEXT or SKIP to a stage that requires a quote needs a linked sales quote. Stages
 * skipped over are not checked, and other actions may reach such a stage without one (as in NAV).
 */
@Component(service = TransitionRule.class, property = {
        TransitionRule.NAME_PROPERTY + "=" + QuoteRequiredRule.NAME,
        TransitionRule.DESCRIPTION_PROPERTY + "=NEXT or SKIP to a stage that requires a quote needs a linked sales quote" })
public class QuoteRequiredRule implements TransitionRule {
    public static final String NAME = "quote-required";

    @Override
    public Optional<String> check(ProposedMove move) {
        boolean forward = move.action() == OpportunityAction.NEXT || move.action() == OpportunityAction.SKIP;
        SalesCycleStage to = move.to();
        if (forward && to.quoteRequired() && !move.salesQuoteLinked()) {
            return Optional.of("a sales quote must be assigned before this stage (stage " + to.stage()
                    + (to.description() == null ? "" : " " + to.description()) + " requires one)");
        }
        return Optional.empty();
    }
}
