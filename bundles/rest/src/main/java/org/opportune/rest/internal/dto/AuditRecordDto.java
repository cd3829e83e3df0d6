package org.opportune.rest.internal.dto;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import org.opportune.api.audit.AuditAction;
import org.opportune.api.audit.AuditRecord;

/** One line of the audit log: who created, changed or deleted which record, when, and what changed. */
@Schema(name = "AuditRecord")
public record AuditRecordDto(long id, Instant at, String userName, AuditAction action,
        @Schema(description = "the kind of record: salesperson, contact, sales-cycle, close-opportunity-code, "
                + "opportunity") String entity,
        @Schema(description = "the record's code or no.") String key,
        @Schema(description = "what changed; for a deletion the record as it was") String summary) {

    public static AuditRecordDto of(AuditRecord record) {
        return new AuditRecordDto(record.id(), record.at(), record.userName(), record.action(), record.entity(),
                record.key(), record.summary());
    }
}
