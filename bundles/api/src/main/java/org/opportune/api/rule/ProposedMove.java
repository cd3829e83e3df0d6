package org.opportune.api.rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;

/**
 * A move about to be made, with every default applied (DOMAIN §4–§5). The probability is not
 * known yet: it is computed only once every rule has agreed.
 *
 * @param opportunity             the opportunity as it is now (before the move)
 * @param action                  the action asked for; {@code FIRST} also for an activation
 * @param actionTaken             what the new entry will record
 * @param from                    the current stage, null when the opportunity has no entry yet
 * @param to                      the target stage
 * @param stages                  every stage of the cycle, ascending
 * @param dateOfChange            the new entry's date of change
 * @param estimatedValue          the new entry's estimated value (0 on "activate first stage")
 * @param chancesOfSuccessPercent the new entry's chances of success
 * @param estimatedCloseDate      the new entry's estimated close date
 * @param salesQuoteLinked        whether a sales quote is linked
 */
public record ProposedMove(Opportunity opportunity, OpportunityAction action, ActionTaken actionTaken,
        SalesCycleStage from, SalesCycleStage to, List<SalesCycleStage> stages, LocalDate dateOfChange,
        BigDecimal estimatedValue, BigDecimal chancesOfSuccessPercent, LocalDate estimatedCloseDate,
        boolean salesQuoteLinked) {

    public ProposedMove {
        stages = List.copyOf(stages);
    }

    /** The move's target without its values. */
    public ProposedTarget target() {
        return new ProposedTarget(opportunity, action, from, to, stages);
    }
}
