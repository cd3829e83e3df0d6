package org.opportune.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.opportune.api.FieldError;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.SortKey;
import org.opportune.api.UnavailableException;
import org.opportune.api.ValidationException;
import org.opportune.api.audit.AuditAction;
import org.opportune.api.audit.AuditLog;
import org.opportune.api.audit.AuditQuery;
import org.opportune.api.audit.AuditRecord;
import org.opportune.api.caller.CallerContext;
import org.opportune.persistence.AdminOnly;
import org.opportune.persistence.SchemaMigrations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reads {@code AUDIT_LOG} with plain JDBC: the table belongs to no module's persistence unit. Not an
 * {@code opportune.module}: it is part of the persistence support, which /health does not count.
 */
@Component(service = AuditLog.class)
public final class JdbcAuditLog implements AuditLog {
    /** API sort field → column; {@code ID} follows the order of writing and breaks ties. */
    private static final Map<String, String> COLUMNS = Map.of("at", "CHANGED_AT", "userName", "USER_NAME",
            "action", "ACTION", "entity", "ENTITY", "key", "RECORD_KEY");

    private final DataSource dataSource;
    private final CallerContext callers;

    @Activate
    public JdbcAuditLog(@Reference(target = "(dataSourceName=opportune)") DataSource dataSource,
            @Reference CallerContext callers, @Reference SchemaMigrations migrations) {
        this.dataSource = dataSource;
        this.callers = callers;
        // the table may be read before any module that writes it has started
        migrations.apply(dataSource, SchemaMigrations.SHARED_CHANGELOG, JdbcAuditLog.class.getClassLoader());
    }

    @Override
    public Page<AuditRecord> find(AuditQuery query, PageRequest page) {
        AdminOnly.require(callers.current(), "reading the audit log");
        AuditQuery filter = query == null ? AuditQuery.all() : query;
        PageRequest slice = page == null ? PageRequest.first() : page;
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw new ValidationException("to", "must not be before from (" + filter.from() + ")");
        }
        String orderBy = orderBy(slice.sort());
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        try (Connection connection = dataSource.getConnection()) {
            long total = count(connection, where, parameters);
            List<AuditRecord> lines = total <= slice.offset() ? List.of()
                    : lines(connection, where + orderBy, parameters, slice);
            return new Page<>(lines, total, slice.offset(), slice.limit());
        } catch (SQLException e) {
            throw new UnavailableException("the audit log cannot be read right now: " + e.getMessage());
        }
    }

    /** Exact matches; a blank text filters nothing, as in the other lists. */
    private static String where(AuditQuery filter, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        exact(conditions, parameters, "ENTITY", filter.entity());
        exact(conditions, parameters, "RECORD_KEY", filter.key());
        exact(conditions, parameters, "USER_NAME", filter.userName());
        if (filter.from() != null) {
            conditions.add("CHANGED_AT >= ?");
            parameters.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("CHANGED_AT < ?");
            parameters.add(Timestamp.from(filter.to()));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void exact(List<String> conditions, List<Object> parameters, String column, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(column + " = ?");
            parameters.add(value);
        }
    }

    /**
     * The newest first by default. The line number breaks ties, in the direction of {@code at} when that is sorted
     * on, else the newest first.
     */
    private static String orderBy(List<SortKey> keys) {
        List<FieldError> errors = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        String idDirection = " DESC";
        for (SortKey key : keys) {
            String column = COLUMNS.get(key.field());
            if (column == null) {
                errors.add(new FieldError("sort", "unknown sort field '" + key.field() + "'; sortable: "
                        + String.join(", ", SORT_FIELDS)));
                continue;
            }
            String direction = key.descending() ? " DESC" : " ASC";
            orders.add(column + direction);
            if (key.field().equals("at")) {
                idDirection = direction;
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (orders.isEmpty()) {
            orders.add("CHANGED_AT DESC");
        }
        orders.add("ID" + idDirection);
        return " ORDER BY " + String.join(", ", orders);
    }

    private static long count(Connection connection, String where, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM AUDIT_LOG" + where)) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** OFFSET … FETCH NEXT is the standard paging both Derby and PostgreSQL know. */
    private static List<AuditRecord> lines(Connection connection, String whereAndOrder, List<Object> parameters,
            PageRequest page) throws SQLException {
        String sql = "SELECT ID, CHANGED_AT, USER_NAME, ACTION, ENTITY, RECORD_KEY, SUMMARY FROM AUDIT_LOG"
                + whereAndOrder + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        List<Object> all = new ArrayList<>(parameters);
        all.add(page.offset());
        all.add(page.limit());
        List<AuditRecord> lines = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, all);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    lines.add(new AuditRecord(result.getLong(1), result.getTimestamp(2).toInstant(),
                            result.getString(3), AuditAction.valueOf(result.getString(4)), result.getString(5),
                            result.getString(6), result.getString(7)));
                }
            }
        }
        return lines;
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
