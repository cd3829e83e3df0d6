package org.opportune.api.audit;

import java.time.Instant;

/**
 * One line of the audit log.
 *
 * @param id       the line's number, ascending in the order the lines were written
 * @param at       when the change was written, UTC
 * @param userName who made the change ({@code system} for the server itself)
 * @param action   what happened
 * @param entity   the kind of record, e.g. {@code salesperson}, {@code sales-cycle}, {@code contact}
 * @param key      the record's key, e.g. {@code JO} or {@code CT000001}
 * @param summary  what changed, e.g. {@code name: "Jo" → "Jo Miller"}; for a deletion the record as it was
 */
public record AuditRecord(long id, Instant at, String userName, AuditAction action, String entity, String key,
        String summary) {
}
