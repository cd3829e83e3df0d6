package org.opportune.opportunities.internal;

import java.util.Optional;

import org.opportune.api.caller.Caller;
import org.opportune.api.opportunity.Move;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityEntry;

/** A move as the {@link MoveParticipants} are offered it, inside the move's transaction. */
record MoveView(Opportunity opportunity, OpportunityEntry entry, Optional<OpportunityAction> action,
        boolean cancelOpenTasks, Optional<String> activityCode, Caller caller) implements Move {
}
