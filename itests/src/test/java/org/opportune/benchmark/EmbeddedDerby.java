package org.opportune.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The distribution's own Derby database opened in this JVM with the embedded driver (Derby allows one JVM per
 * database, so Karaf must be stopped first). No {@code create=true}: the database must exist. Default settings, like
 * Karaf's: durable commits (log forced to disk on every commit), 1000 pages of page cache.
 */
final class EmbeddedDerby implements AutoCloseable {
    private final String url;

    EmbeddedDerby(Path database, Path log) {
        System.setProperty("derby.stream.error.file", log.toString());
        this.url = "jdbc:derby:" + database.toAbsolutePath();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** The driver's version (it must be the distribution's 10.14.2.0: the database files are that version's). */
    String version() throws SQLException {
        try (Connection connection = connect()) {
            return connection.getMetaData().getDriverVersion();
        }
    }

    /** Shuts the database down cleanly; Derby answers a successful shutdown with SQLState 08006. */
    @Override
    public void close() {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                System.err.println("Derby shutdown: " + e);
            }
        }
    }
}
