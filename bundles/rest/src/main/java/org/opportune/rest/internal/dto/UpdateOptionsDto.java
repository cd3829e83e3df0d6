package org.opportune.rest.internal.dto;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.UpdateOption;
import org.opportune.api.opportunity.UpdateOptions;

/**
 * For each action of an update, whether it is possible now, its candidate stages and its defaults (a dry run
 * of DOMAIN §5, nothing written), as of the opportunity's {@code version}.
 */
@Schema(name = "UpdateOptions")
public record UpdateOptionsDto(String opportunityNo, Long version, Integer currentStage, List<Option> options)
        implements Versioned {

    public static UpdateOptionsDto of(UpdateOptions options) {
        return new UpdateOptionsDto(options.opportunityNo(), options.version(), options.currentStage(),
                options.options().stream().map(Option::of).toList());
    }

    /**
     * What one action would do now.
     *
     * @param defaults the update the action makes when nothing but the action is given; null without a candidate
     */
    @Schema(name = "UpdateOption")
    public record Option(OpportunityAction action, boolean possible, String reason, List<String> rules,
            List<Integer> candidateStages, StageUpdateDto defaults, ActionTaken actionTaken) {

        static Option of(UpdateOption option) {
            return new Option(option.action(), option.possible(), option.reason(), option.rules(),
                    option.candidateStages(), StageUpdateDto.of(option.defaults()), option.actionTaken());
        }
    }
}
