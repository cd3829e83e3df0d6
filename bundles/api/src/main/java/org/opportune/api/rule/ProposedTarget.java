package org.opportune.api.rule;

import java.util.List;

import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;

/**
 * A stage an action could reach by the order of the cycle's stages, before any value is chosen.
 *
 * @param opportunity the opportunity as it is now
 * @param action      the action
 * @param from        the current stage, null when the opportunity has no entry yet
 * @param to          the stage the action would reach
 * @param stages      every stage of the cycle, ascending
 */
public record ProposedTarget(Opportunity opportunity, OpportunityAction action, SalesCycleStage from,
        SalesCycleStage to, List<SalesCycleStage> stages) {

    public ProposedTarget {
        stages = List.copyOf(stages);
    }

    /** @return the stages strictly between {@code from} and {@code to} (empty for the first stage), ascending */
    public List<SalesCycleStage> passedOver() {
        if (from == null) {
            return List.of();
        }
        int low = Math.min(from.stage(), to.stage());
        int high = Math.max(from.stage(), to.stage());
        return stages.stream().filter(stage -> stage.stage() > low && stage.stage() < high).toList();
    }
}
