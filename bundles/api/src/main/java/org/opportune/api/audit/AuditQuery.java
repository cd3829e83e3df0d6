package org.opportune.api.audit;

import java.time.Instant;

/**
 * Which lines of the audit log to list; every filter left null matches all.
 *
 * @param entity   the kind of record, exactly (e.g. {@code salesperson})
 * @param key      the record's key, exactly (codes in upper case)
 * @param userName who made the change, exactly
 * @param from     written at or after this instant
 * @param to       written before this instant
 */
public record AuditQuery(String entity, String key, String userName, Instant from, Instant to) {
    /** Every line. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }
}
