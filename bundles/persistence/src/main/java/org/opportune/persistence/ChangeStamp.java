package org.opportune.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.persistence.EntityManager;

import org.eclipse.persistence.sessions.UnitOfWork;
import org.eclipse.persistence.sessions.changesets.ObjectChangeSet;
import org.opportune.api.caller.CallerContext;

/**
 * Who changes the rows of one transaction and when: the caller bound on the thread and the time the transaction
 * writes. Take one per transaction run, so that every row it writes carries the same stamp.
 * <p>
 * The time is kept to the microsecond: what Derby and PostgreSQL keep, so that a view built from the written
 * entity equals the row read back.
 */
public final class ChangeStamp {
    private final String by;
    private final Instant at;

    private ChangeStamp(String by, Instant at) {
        this.by = by;
        this.at = at;
    }

    /** @return the current caller's user name and the time now on the system's clock, to the microsecond */
    public static ChangeStamp now(CallerContext callers) {
        return now(callers, Clock.systemUTC());
    }

    /**
     * @param clock where the module takes the time of its changes from (the one its "today" comes from, say)
     * @return the current caller's user name and the time now on {@code clock}, to the microsecond
     */
    public static ChangeStamp now(CallerContext callers, Clock clock) {
        return new ChangeStamp(callers.current().userName(), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    public String by() {
        return by;
    }

    public Instant at() {
        return at;
    }

    /** Stamps a row the transaction creates, or one whose change this transaction knows of itself. */
    public <E extends StampedEntity> E on(E row) {
        row.changed(by, at);
        return row;
    }

    /**
     * Stamps a managed row when the transaction is going to write it, that is exactly when its version (if it
     * has one) will rise: a change that sets every value as it was leaves both the version and the last change
     * alone.
     *
     * @return whether the row had changes
     */
    public boolean onChanged(EntityManager em, StampedEntity row) {
        ObjectChangeSet changes = em.unwrap(UnitOfWork.class).getCurrentChanges().getObjectChangeSetForClone(row);
        if (changes == null || !changes.hasChanges()) {
            return false;
        }
        on(row);
        return true;
    }
}
