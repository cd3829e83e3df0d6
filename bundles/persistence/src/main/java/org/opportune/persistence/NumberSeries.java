package org.opportune.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.util.Locale;
import java.util.function.Predicate;

import javax.sql.DataSource;

/**
 * Number series (NAV's "No. Series"): hands out {@code CT000001}, {@code CT000002}, … Each number
 * is taken in its own short transaction so that series do not serialise the callers' longer
 * transactions; a number taken by a transaction that then fails is not reused (a gap, as NAV
 * allows).
 */
public final class NumberSeries {
    private final DataSource dataSource;

    /** The table is {@link SchemaMigrations#SHARED_CHANGELOG}'s: a module that uses series includes it. */
    public NumberSeries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param series the series, e.g. {@code CONTACT}
     * @param prefix the text before the number, e.g. {@code CT}
     * @param digits how many digits the number is padded to
     * @return the next number of the series, e.g. {@code CT000042}
     */
    public String next(String series, String prefix, int digits) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                long number = incrementOnce(connection, series);
                // Locale.ROOT: ASCII digits whatever the server's locale (Arabic would give Arabic-Indic ones)
                return prefix + String.format(Locale.ROOT, "%0" + digits + "d", number);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("number series " + series + " failed", e);
        }
    }

    /**
     * Like {@link #next} but skips the numbers a client has taken by hand. Call it before opening
     * the transaction that uses the number: it takes connections of its own.
     *
     * @param taken whether a record with that number exists already
     */
    public String nextFree(String series, String prefix, int digits, Predicate<String> taken) {
        String candidate = next(series, prefix, digits);
        while (taken.test(candidate)) {
            candidate = next(series, prefix, digits);
        }
        return candidate;
    }

    /**
     * Commits one increment. The first number of a new series is an INSERT, which another node may
     * make at the same moment: the loser's duplicate key means the row exists now, so it increments
     * that row instead.
     */
    private static long incrementOnce(Connection connection, String series) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                long number = increment(connection, series);
                connection.commit();
                return number;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                if (attempt == 2 || !(e instanceof SQLException sql) || !"23505".equals(sql.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    private static long increment(Connection connection, String series) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE NUMBER_SERIES SET LAST_NO = LAST_NO + 1 WHERE SERIES_CODE = ?")) {
            update.setString(1, series);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO NUMBER_SERIES (SERIES_CODE, LAST_NO) VALUES (?, 1)")) {
                    insert.setString(1, series);
                    insert.executeUpdate();
                    return 1;
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT LAST_NO FROM NUMBER_SERIES WHERE SERIES_CODE = ?")) {
            select.setString(1, series);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
