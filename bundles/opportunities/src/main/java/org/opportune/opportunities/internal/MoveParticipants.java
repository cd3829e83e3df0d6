package org.opportune.opportunities.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.opportune.api.Codes;
import org.opportune.api.opportunity.Move;
import org.opportune.api.opportunity.MoveParticipant;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.whiteboard.RankedRegistry;
import org.opportune.api.whiteboard.RankedRegistry.Registration;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.LoggerFactory;

/**
 * The move participants registered right now, fed by DS bind/updated/unbind calls with the
 * services' properties (unit tests feed it the same way). A participant's name is its
 * {@value MoveParticipant#NAME_PROPERTY} property and nothing else; of several registrations of one
 * name the {@link RankedRegistry} picks the one that takes part, and one without the property is
 * refused and logged. Participants are called by descending {@code service.ranking}, then name.
 */
final class MoveParticipants {
    private static final Comparator<Registration<MoveParticipant>> CALLING_ORDER = Comparator
            .comparingInt((Registration<MoveParticipant> registration) -> registration.ranking()).reversed()
            .thenComparing(registration -> Codes.normalise(registration.name()));

    private final RankedRegistry<MoveParticipant> participants;

    MoveParticipants() {
        this(LoggerFactory.getLogger(MoveParticipants.class)::warn);
    }

    /** @param refusals told once about each refused participant */
    MoveParticipants(Consumer<String> refusals) {
        participants = new RankedRegistry<>("move participant", MoveParticipant.NAME_PROPERTY, refusals);
    }

    void add(MoveParticipant participant, Map<String, ?> properties) {
        Bundle bundle = FrameworkUtil.getBundle(participant.getClass());
        participants.add(participant, properties, bundle == null ? null : bundle.getSymbolicName());
    }

    /** Takes changed properties, e.g. a new ranking, keeping the registration's place. */
    void update(MoveParticipant participant, Map<String, ?> properties) {
        participants.update(participant, properties);
    }

    void remove(MoveParticipant participant) {
        participants.remove(participant);
    }

    /**
     * Offers the move, written but not committed, to every participant in turn. Whatever one throws
     * reaches the caller as it is and rolls the move back (an {@link org.opportune.api.OpportuneException}
     * is a refusal); the participants after it are not called.
     */
    void offer(Move move) {
        for (MoveParticipant participant : inCallingOrder()) {
            participant.moved(move);
        }
    }

    /**
     * Offers the deletion of {@code opportunity}, inside its transaction and before anything of it is deleted, to
     * every participant in turn; whatever one throws refuses the deletion, as for a move.
     */
    void deleting(Opportunity opportunity) {
        for (MoveParticipant participant : inCallingOrder()) {
            participant.deleting(opportunity);
        }
    }

    /** @return whether a participant of this name takes part now (e.g. {@link MoveParticipant#TASKS}) */
    boolean has(String name) {
        return participants.find(name).isPresent();
    }

    private List<MoveParticipant> inCallingOrder() {
        return participants.inUse().stream().sorted(CALLING_ORDER).map(Registration::service).toList();
    }
}
