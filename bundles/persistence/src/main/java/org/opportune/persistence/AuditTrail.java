package org.opportune.persistence;

import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.persistence.EntityManager;

import org.opportune.api.audit.AuditAction;

/**
 * Writes a line of the audit log ({@code AUDIT_LOG}, shared by every module) in the transaction of the change it
 * records, so that the line exists exactly when the change was committed. The summary is built from the record's
 * view as the API shows it (a Java record): every component but the version and the last change, which the line
 * itself holds.
 */
public final class AuditTrail {
    /** The longest summary kept; a longer one is cut with an ellipsis. */
    public static final int SUMMARY_LENGTH = 4000;

    private static final Set<String> NOT_SUMMARISED = Set.of("version", "changedBy", "changedAt");
    private static final String INSERT = "INSERT INTO AUDIT_LOG (CHANGED_AT, USER_NAME, ACTION, ENTITY, RECORD_KEY, SUMMARY) "
            + "VALUES (?, ?, ?, ?, ?, ?)";

    private AuditTrail() {
    }

    /** A new record: the summary lists its values. */
    public static void created(EntityManager em, ChangeStamp stamp, String entity, String key, Object view) {
        write(em, stamp, AuditAction.CREATE, entity, key, describe(view));
    }

    /** A changed record: the summary lists each value that changed, as it was and as it is; nothing when none did. */
    public static void changed(EntityManager em, ChangeStamp stamp, String entity, String key, Object before,
            Object after) {
        String changes = difference(before, after);
        if (!changes.isEmpty()) {
            write(em, stamp, AuditAction.UPDATE, entity, key, changes);
        }
    }

    /** A change described by the module itself, e.g. {@code stage 2 deleted} on a sales cycle. */
    public static void changed(EntityManager em, ChangeStamp stamp, String entity, String key, String summary) {
        write(em, stamp, AuditAction.UPDATE, entity, key, summary);
    }

    /** A deleted record: the summary lists its values as they were. */
    public static void deleted(EntityManager em, ChangeStamp stamp, String entity, String key, Object view) {
        write(em, stamp, AuditAction.DELETE, entity, key, describe(view));
    }

    private static void write(EntityManager em, ChangeStamp stamp, AuditAction action, String entity, String key,
            String summary) {
        em.createNativeQuery(INSERT).setParameter(1, Timestamp.from(stamp.at())).setParameter(2, stamp.by())
                .setParameter(3, action.name()).setParameter(4, entity).setParameter(5, key)
                .setParameter(6, cut(summary)).executeUpdate();
    }

    /** {@code name: "Jo Miller", blocked: false, …} */
    static String describe(Object view) {
        List<String> values = new ArrayList<>();
        for (RecordComponent component : components(view)) {
            Object value = value(component, view);
            if (value != null && !(value instanceof Collection<?> empty && empty.isEmpty())) {
                values.add(component.getName() + ": " + text(value));
            }
        }
        return String.join(", ", values);
    }

    /** {@code name: "Jo" → "Jo Miller", blocked: false → true} */
    static String difference(Object before, Object after) {
        List<String> changes = new ArrayList<>();
        for (RecordComponent component : components(after)) {
            Object was = value(component, before);
            Object is = value(component, after);
            if (!Objects.equals(was, is)) {
                changes.add(component.getName() + ": " + text(was) + " → " + text(is));
            }
        }
        return String.join(", ", changes);
    }

    private static List<RecordComponent> components(Object view) {
        if (view == null || !view.getClass().isRecord()) {
            throw new IllegalArgumentException("the audit log summarises records, not " + view);
        }
        return List.of(view.getClass().getRecordComponents()).stream()
                .filter(component -> !NOT_SUMMARISED.contains(component.getName())).toList();
    }

    private static Object value(RecordComponent component, Object view) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(view);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + view.getClass(), e);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "null";
        }
        return value instanceof CharSequence || value instanceof Enum<?> ? "\"" + value + "\"" : value.toString();
    }

    private static String cut(String summary) {
        return summary.length() <= SUMMARY_LENGTH ? summary : summary.substring(0, SUMMARY_LENGTH - 1) + "…";
    }
}
