package org.opportune.api.audit;

/** What happened to the record. */
public enum AuditAction {
    CREATE, UPDATE, DELETE
}
