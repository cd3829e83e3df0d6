package org.opportune.persistence.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The lines of the audit log as the modules' tests compare them, in the order written: {@code user ACTION entity
 * key: summary}. Shared with the other modules' tests through this module's test jar.
 */
public final class AuditLines {
    private static final String SELECT = "SELECT USER_NAME, ACTION, ENTITY, RECORD_KEY, SUMMARY FROM AUDIT_LOG";

    private AuditLines() {
    }

    /** Every line, with its summary. */
    public static List<String> of(DataSource dataSource) {
        return read(dataSource, null, true);
    }

    /** Every line without its summary: {@code user ACTION entity key}. */
    public static List<String> withoutSummaries(DataSource dataSource) {
        return read(dataSource, null, false);
    }

    /** The lines of one record key, with their summaries. */
    public static List<String> ofKey(DataSource dataSource, String key) {
        return read(dataSource, key, true);
    }

    private static List<String> read(DataSource dataSource, String key, boolean withSummary) {
        String sql = SELECT + (key == null ? "" : " WHERE RECORD_KEY = ?") + " ORDER BY ID";
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (key != null) {
                statement.setString(1, key);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                            + rows.getString(4) + (withSummary ? ": " + rows.getString(5) : ""));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read AUDIT_LOG", e);
        }
        return lines;
    }
}
