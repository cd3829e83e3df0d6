package org.opportune.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.MappedSuperclass;

/**
 * The columns a row keeps for {@link org.opportune.api.Audited}: who changed it last and when. Only a
 * {@link ChangeStamp} writes them. A row that is written once and never versioned (an opportunity's entry, say)
 * extends this; a master record, which also keeps its row version, extends {@link AuditedEntity}.
 * <p>
 * JPA 2.2 maps no {@link Instant}: the time is kept as a {@link LocalDateTime} in UTC. Rows written before
 * these columns existed have nulls there, and so do their views.
 */
@MappedSuperclass
public abstract class StampedEntity {
    public static final int CHANGED_BY_LENGTH = 100;

    @Column(name = "CHANGED_BY", length = CHANGED_BY_LENGTH)
    private String changedBy;

    @Column(name = "CHANGED_AT")
    private LocalDateTime changedAt;

    /** @return the user name of the last change, null for a row older than the column */
    public String changedBy() {
        return changedBy;
    }

    /** @return when the last change was written, null for a row older than the column */
    public Instant changedAt() {
        return changedAt == null ? null : changedAt.toInstant(ZoneOffset.UTC);
    }

    /** For a row read with plain JDBC instead of by EclipseLink: its stamp as the row holds it. */
    protected final void stampRead(String by, LocalDateTime at) {
        changedBy = by;
        changedAt = at;
    }

    void changed(String by, Instant at) {
        changedBy = by;
        changedAt = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
