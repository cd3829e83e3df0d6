package org.opportune.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.Locale;
import java.util.function.Predicate;

import javax.sql.DataSource;

/**
 * Number series (NAV's "No. Series"): hands out {@code CT000001}, {@code CT000002}, … Each number
 * is taken in its own short transaction so that series do not serialise the callers' longer
 * transactions; a number taken by a transaction that then fails is not reused (a gap, as NAV
 * allows). The series table {@code NUMBER_SERIES} is created on first use.
 */
public final class NumberSeries {
    private final DataSource dataSource;

    public NumberSeries(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection()) {
            if (!tableExists(connection.getMetaData())) {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("CREATE TABLE NUMBER_SERIES (SERIES_CODE VARCHAR(20) NOT NULL PRIMARY KEY,"
                            + " LAST_NO BIGINT NOT NULL)");
                } catch (SQLException e) {
                    if (!tableExists(connection.getMetaData())) { // another module created it at the same time
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the NUMBER_SERIES table", e);
        }
    }

    private static boolean tableExists(DatabaseMetaData meta) throws SQLException {
        for (String name : new String[] {"NUMBER_SERIES", "number_series"}) {
            try (ResultSet tables = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
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
                long number = increment(connection, series);
                connection.commit();
                // Locale.ROOT: ASCII digits whatever the server's locale (Arabic would give Arabic-Indic ones)
                return prefix + String.format(Locale.ROOT, "%0" + digits + "d", number);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
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
