package org.opportune.api.opportunity;

import java.util.List;

/**
 * What one action of an update would do now (a dry run of DOMAIN §5, nothing written).
 *
 * @param action          the action
 * @param possible        whether the action, with all its defaults, would be accepted now
 * @param reason          why not, null when possible
 * @param rules           the transition rules that refuse it (see
 *                        {@link org.opportune.api.rule.TransitionRule}), empty when none does
 * @param candidateStages the stages the action may target now, ascending
 * @param defaults        the update the action makes when nothing but the action is given: the
 *                        default target stage and values; null when there is no candidate
 * @param actionTaken     what the default update would record, null when there is no candidate
 */
public record UpdateOption(OpportunityAction action, boolean possible, String reason, List<String> rules,
        List<Integer> candidateStages, StageUpdate defaults, ActionTaken actionTaken) {

    public UpdateOption {
        rules = rules == null ? List.of() : List.copyOf(rules);
        candidateStages = candidateStages == null ? List.of() : List.copyOf(candidateStages);
    }
}
