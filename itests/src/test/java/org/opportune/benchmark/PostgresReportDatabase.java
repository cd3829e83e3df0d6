package org.opportune.benchmark;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.opportune.itests.distribution.KarafDistribution;
import org.opportune.itests.postgres.PostgresServer;

/**
 * A new database on a throw-away PostgreSQL (the itests' {@link PostgresServer}: fsync off, trust authentication),
 * started for the run and stopped by {@link #close()}. The distribution's DataSource configuration is pointed at it
 * as an administrator would (README, "The database").
 */
final class PostgresReportDatabase implements ReportDatabase {

    private final PostgresServer server;
    private final String database;

    private PostgresReportDatabase(PostgresServer server, String database) {
        this.server = server;
        this.database = database;
    }

    static PostgresReportDatabase start() {
        PostgresServer server = PostgresServer.start();
        try {
            return new PostgresReportDatabase(server, server.newDatabase("reports"));
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public SqlDialect dialect() {
        return SqlDialect.POSTGRES;
    }

    @Override
    public void configure(KarafDistribution karaf) throws IOException {
        karaf.usePostgres(server.jdbcUrl(database), server.user());
    }

    /** Karaf may run meanwhile; the benchmark opens it only while Karaf is stopped, as on Derby. */
    @Override
    public Session open(KarafDistribution karaf, String purpose) throws SQLException {
        // the driver sends a batch as multi-row INSERTs instead of one INSERT per row
        Connection connection = DriverManager.getConnection(server.jdbcUrl(database) + "?reWriteBatchedInserts=true",
                server.user(), "");
        return new Session() {
            @Override
            public Connection connection() {
                return connection;
            }

            @Override
            public void close() throws SQLException {
                connection.close();
            }
        };
    }

    /**
     * VACUUM ANALYZE rather than ANALYZE alone: besides the statistics it sets the visibility map of the freshly
     * written pages, without which no index-only scan skips the table; autovacuum would do it at some moment of
     * its own, and the timings would then depend on whether it had run yet.
     */
    @Override
    public void updateStatistics(Connection connection) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true); // VACUUM refuses to run in a transaction
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("OPPORTUNITY", "OPPORTUNITY_ENTRY")) {
                statement.execute("VACUUM ANALYZE " + table);
            }
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
