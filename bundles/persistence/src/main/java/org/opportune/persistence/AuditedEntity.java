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
}
