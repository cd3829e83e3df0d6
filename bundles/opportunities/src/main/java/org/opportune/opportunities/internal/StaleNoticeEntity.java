package org.opportune.opportunities.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.opportune.api.opportunity.Opportunity;

/**
 * The claim that a stage visit (its entry, active when claimed) was noticed stale and its STALE event is posted
 * (DOMAIN §11). The key is the entry: whichever node or run inserts the row first posts the event, every other one
 * finds the row (or a duplicate key) and posts nothing. Written once, deleted with its opportunity.
 */
@Entity
@Table(name = "OPPORTUNITY_STALE_NOTICE",
        indexes = @Index(name = "STALE_NOTICE_OPPORTUNITY", columnList = "OPPORTUNITY_NO"))
public class StaleNoticeEntity {
    @Id
    @Column(name = "ENTRY_NO")
    private long entryNo;

    @Column(name = "OPPORTUNITY_NO", length = Opportunity.NO_LENGTH, nullable = false)
    private String opportunityNo;

    @Column(name = "DAYS_IDLE", nullable = false)
    private int daysIdle;

    /** In UTC, as every time the module keeps (JPA 2.2 maps no Instant). */
    @Column(name = "NOTICED_AT", nullable = false)
    private LocalDateTime noticedAt;

    protected StaleNoticeEntity() {
    }

    StaleNoticeEntity(long entryNo, String opportunityNo, int daysIdle, Instant noticedAt) {
        this.entryNo = entryNo;
        this.opportunityNo = opportunityNo;
        this.daysIdle = daysIdle;
        this.noticedAt = LocalDateTime.ofInstant(noticedAt, ZoneOffset.UTC);
    }
}
