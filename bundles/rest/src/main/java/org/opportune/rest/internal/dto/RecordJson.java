package org.opportune.rest.internal.dto;

import java.time.Instant;

/**
 * The JSON of a record that is answered and sent back whole (PUT), so that it also says which of its
 * fields the server owns: the row version and who changed the record last and when, plus whatever a
 * record adds (see {@link ServerOwned}).
 *
 * @param <D> the record's own JSON type
 */
public interface RecordJson<D extends RecordJson<D>> extends Versioned {
    String changedBy();

    Instant changedAt();

    /** Refuses what a body for a new record sets of the fields the server owns. */
    default void refuseServerOwned(ServerOwned owned) {
        owned.unsetAudit("", this);
    }

    /** Refuses the fields the server owns that this body gives with another value than {@code current} has. */
    default void refuseChanged(D current, ServerOwned owned) {
        owned.sameAudit("", this, current);
    }
}
