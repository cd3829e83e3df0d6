package org.opportune.api.opportunity;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module that takes part in every move of an opportunity (whiteboard): it is called inside the
 * move's transaction, after the entry is written and before the commit, for a create with
 * activation, an activation, every update (all six actions) and a close. Throwing an
 * {@link org.opportune.api.OpportuneException} refuses the move: nothing of it is written and the
 * exception reaches the caller; any other exception rolls the move back as well.
 * <p>
 * A move may be retried after a lost lock race; the participant is then called again in the new
 * transaction, so it must keep nothing of a failed attempt outside it. Register it with
 * {@link #NAME_PROPERTY}; participants are called in descending {@code service.ranking}.
 */
@ConsumerType
public interface MoveParticipant {
    /** The service property naming the participant (e.g. {@code tasks}); required. */
    String NAME_PROPERTY = "opportune.move.participant";

    /**
     * The name of the participant that turns a stage's activity into tasks (DOMAIN §10). While none of
     * that name is registered, a move into a stage that names an activity is refused with
     * {@link org.opportune.api.UnavailableException} (503) and writes nothing; other moves work.
     */
    String TASKS = "tasks";

    void moved(Move move);

    /**
     * Called inside the transaction that deletes {@code opportunity}, before its entries and row go, so the
     * participant deletes what it keeps for it; throwing refuses the delete as for a move. Does nothing by default.
     */
    default void deleting(Opportunity opportunity) {
    }
}
