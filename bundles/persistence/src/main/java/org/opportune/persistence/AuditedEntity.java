package org.opportune.persistence;

import javax.persistence.Column;
import javax.persistence.MappedSuperclass;
import javax.persistence.Version;

/**
 * The columns every master record keeps for {@link org.opportune.api.Audited} and optimistic concurrency: its
 * row version ({@code VERSION}), and who changed it last and when ({@link StampedEntity}).
 */
@MappedSuperclass
public abstract class AuditedEntity extends StampedEntity {

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    public long version() {
        return version;
    }

    /**
     * For a row read with plain JDBC instead of by EclipseLink: the version it was read at.
     */
    protected final void versionRead(long read) {
        version = read;
    }

    /**
     * For a row written with plain JDBC: the version its write stores, one above the one read (what EclipseLink's
     * {@code @Version} does on its own writes).
     */
    protected final long raisedVersion() {
        return ++version;
    }
}
