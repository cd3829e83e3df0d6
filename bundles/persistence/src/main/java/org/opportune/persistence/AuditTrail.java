package org.opportune.persistence;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * The values of a record: {@code name: "Jo Miller", blocked: false, …}, leaving out nulls, empty lists and the
     * version and last change. Public so that a module can word a change of its own (see
     * {@link #changed(EntityManager, ChangeStamp, String, String, String)}).
     */
    public static String describe(Object view) {
        List<String> values = new ArrayList<>();
        for (RecordComponent component : components(view)) {
            Object value = value(component, view);
            if (value != null && !(value instanceof Collection<?> empty && empty.isEmpty())) {
                values.add(component.getName() + ": " + text(value));
            }
        }
        return String.join(", ", values);
    }

    /**
     * The values that differ between two views of one record: {@code name: "Jo" → "Jo Miller", blocked: false →
     * true}; empty when none does. A list of records (a cycle's stages, say) is compared item by item, matched on
     * each item's first value: {@code stages[2] added: {…}}, {@code stages[1]: {completedPercent: 10 → 20}},
     * {@code stages[3] deleted: {…}}.
     */
    public static String difference(Object before, Object after) {
        if (before == null || after == null || before.getClass() != after.getClass()) {
            throw new IllegalArgumentException("the audit log compares two views of one kind, not " + before
                    + " and " + after);
        }
        List<String> changes = new ArrayList<>();
        for (RecordComponent component : components(after)) {
            Object was = value(component, before);
            Object is = value(component, after);
            if (Objects.equals(was, is)) {
                continue;
            }
            Map<String, Object> wasItems = itemsByKey(was);
            Map<String, Object> isItems = itemsByKey(is);
            if (wasItems != null && isItems != null) {
                changes.addAll(itemDifferences(component.getName(), wasItems, isItems));
            } else {
                changes.add(component.getName() + ": " + text(was) + " → " + text(is));
            }
        }
        return String.join(", ", changes);
    }

    private static List<String> itemDifferences(String name, Map<String, Object> before, Map<String, Object> after) {
        List<String> changes = new ArrayList<>();
        after.forEach((key, item) -> {
            Object was = before.get(key);
            if (was == null) {
                changes.add(name + "[" + key + "] added: {" + describe(item) + "}");
            } else {
                String itemChanges = difference(was, item);
                if (!itemChanges.isEmpty()) {
                    changes.add(name + "[" + key + "]: {" + itemChanges + "}");
                }
            }
        });
        before.forEach((key, item) -> {
            if (!after.containsKey(key)) {
                changes.add(name + "[" + key + "] deleted: {" + describe(item) + "}");
            }
        });
        return changes;
    }

    /**
     * @return the items of a list of records of one class keyed by their first summarised value, in list order; null
     *         for anything else, or when two items share a key (then the lists are compared as wholes)
     */
    private static Map<String, Object> itemsByKey(Object value) {
        if (!(value instanceof List<?> items)) {
            return null;
        }
        Map<String, Object> byKey = new LinkedHashMap<>();
        for (Object item : items) {
            if (item == null || !item.getClass().isRecord() || item.getClass() != items.get(0).getClass()
                    || components(item).isEmpty()) {
                return null;
            }
            String key = String.valueOf(value(components(item).get(0), item));
            if (byKey.put(key, item) != null) {
                return null;
            }
        }
        return byKey;
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

    /** Text in quotes, a record as its values in braces, a list item by item, a number as written. */
    private static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CharSequence || value instanceof Enum<?>) {
            return "\"" + value + "\"";
        }
        if (value.getClass().isRecord()) {
            return "{" + describe(value) + "}";
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(AuditTrail::text).collect(Collectors.joining(", ", "[", "]"));
        }
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    private static String cut(String summary) {
        return summary.length() <= SUMMARY_LENGTH ? summary : summary.substring(0, SUMMARY_LENGTH - 1) + "…";
    }
}
