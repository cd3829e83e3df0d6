package org.opportune.rest.internal.dto;

import java.math.BigDecimal;
import java.util.Objects;

import org.opportune.api.Codes;
import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.rest.internal.json.ShownAmounts;

/**
 * The fields of a body that the server owns: the row version, who changed the record last and when, derived
 * and computed values, and on a change the key the path names. A body may leave them out or send them back
 * as they were read; any other value is refused with a 400 naming the field, never silently ignored
 * (docs/API.md). The Java API takes none of them, so the REST layer compares them with the record as it is
 * now, and names every field at fault at once.
 */
public final class ServerOwned {
    /** The descriptions the OpenAPI document gives these fields. */
    public static final String VERSION = "The row version, also the ETag; read-only (may be sent back as read)";
    public static final String CHANGED_BY = "The user name of the last change (system for the server's own work);"
            + " read-only";
    public static final String CHANGED_AT = "When the last change was committed, ISO-8601 in UTC; read-only";

    private static final String SET_BY_SERVER = "is set by the server";

    private final Violations violations = new Violations();

    /** A field of a new record that the server sets: refused when given. */
    public ServerOwned unset(String field, Object given) {
        return unset(field, given, SET_BY_SERVER);
    }

    public ServerOwned unset(String field, Object given, String message) {
        if (given != null) {
            violations.add(field, message);
        }
        return this;
    }

    /** The version and audit fields of a new record, {@code prefix} before each name (e.g. {@code stages[0].}). */
    public ServerOwned unsetAudit(String prefix, RecordJson<?> body) {
        return unset(prefix + "version", body.version()).unset(prefix + "changedBy", body.changedBy())
                .unset(prefix + "changedAt", body.changedAt());
    }

    /** A field the server owns: when given it must be the current value. */
    public ServerOwned same(String field, Object given, Object current) {
        if (given != null && !given.equals(current)) {
            violations.add(field, owned(current));
        }
        return this;
    }

    /** The version and audit fields of a record as read. */
    public ServerOwned sameAudit(String prefix, RecordJson<?> body, RecordJson<?> current) {
        return same(prefix + "version", body.version(), current.version())
                .same(prefix + "changedBy", body.changedBy(), current.changedBy())
                .same(prefix + "changedAt", body.changedAt(), current.changedAt());
    }

    /** A number the server owns, equal in value ({@code 10} is {@code 10.00}). */
    public ServerOwned sameNumber(String field, BigDecimal given, BigDecimal current) {
        if (given != null && (current == null || given.compareTo(current) != 0)) {
            violations.add(field, owned(current == null ? null : current.toPlainString()));
        }
        return this;
    }

    /** An amount the server owns: its exact value, or the value as it is shown ({@code 25.00} for {@code 25.00025}). */
    public ServerOwned sameAmount(String field, BigDecimal given, BigDecimal current) {
        return current != null && given != null && given.compareTo(ShownAmounts.shown(current)) == 0 ? this
                : sameNumber(field, given, current);
    }

    /** The key of a record being changed: the path names it, a body may repeat it (in any case). */
    public ServerOwned key(String field, String given, String key) {
        if (given != null && !Objects.equals(Codes.normalise(given), key)) {
            violations.add(field, "is the key and cannot be changed (path says " + key + ")");
        }
        return this;
    }

    /** The number of a stage being changed, named by the path. */
    public ServerOwned key(String field, Integer given, int key) {
        if (given != null && given != key) {
            violations.add(field, "is the key and cannot be changed (path says " + key + ")");
        }
        return this;
    }

    public ServerOwned add(String field, String message) {
        violations.add(field, message);
        return this;
    }

    /** @throws ValidationException naming every field refused */
    public void throwIfAny() {
        violations.throwIfAny();
    }

    private static String owned(Object current) {
        return "is owned by the server (current " + current + ")";
    }
}
