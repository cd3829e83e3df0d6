package org.opportune.api.opportunity;

import java.util.Optional;

import org.opportune.api.caller.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** A move as a {@link MoveParticipant} sees it, inside the move's transaction. */
@ProviderType
public interface Move {
    /** @return the opportunity as the move leaves it */
    Opportunity opportunity();

    /** @return the entry the move wrote */
    OpportunityEntry entry();

    /** @return the update's action; empty for an activation (with the create or on its own) and a close */
    Optional<OpportunityAction> action();

    /** @return whether the caller asked to cancel the opportunity's open tasks (DOMAIN §10) */
    boolean cancelOpenTasks();

    /** @return the activity code of the stage the entry is at; empty for none and for a closing entry */
    Optional<String> activityCode();

    Caller caller();
}
