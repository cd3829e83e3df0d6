package org.opportune.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;

import org.opportune.itests.distribution.KarafDistribution;
import org.opportune.itests.postgres.PostgresServer;

/**
 * A new database on a throw-away PostgreSQL of its own (the itests' {@link PostgresServer}: fsync off, trust
 * authentication), started for the run and stopped by {@link #close()}. The distribution's DataSource is pointed at it
 * as an administrator would (README, "The database"); the JDBC phase connects with the same driver and URL as the
 * distribution's pool, no extra driver options.
 */
final class PostgresMoveDatabase implements MoveDatabase {

    private final PostgresServer server;
    private final String database;
    private final ProcessTreeCpu cpu;

    private PostgresMoveDatabase(PostgresServer server, String database, ProcessTreeCpu cpu) {
        this.server = server;
        this.database = database;
        this.cpu = cpu;
    }

    static PostgresMoveDatabase start() {
        PostgresServer server = PostgresServer.start();
        try {
            String database = server.newDatabase("moves");
            return new PostgresMoveDatabase(server, database, ProcessTreeCpu.of(postmaster(server, database)));
        } catch (RuntimeException | SQLException e) {
            server.stop();
            throw new IllegalStateException("PostgreSQL started but cannot be used: " + e.getMessage(), e);
        }
    }

    /** The server's main process: the parent of every backend (a backend's pid is what the server tells it). */
    private static ProcessHandle postmaster(PostgresServer server, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(database), server.user(), "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long backend = rs.getLong(1);
            return ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow(() ->
                    new IllegalStateException("cannot see the PostgreSQL server process (backend " + backend + ")"));
        }
    }

    @Override
    public void configure(KarafDistribution karaf) throws IOException {
        karaf.usePostgres(server.jdbcUrl(database), server.user());
    }

    @Override
    public Supplier<Duration> processCpu() {
        return cpu::total;
    }

    @Override
    public String cpuAccounting() {
        return "CPU pg = the PostgreSQL server process (pid " + cpu.root().pid() + ") and every process under it"
                + " (backends, writers, autovacuum; ended ones through the server's children time), from /proc";
    }

    @Override
    public void karafStopped(KarafDistribution karaf, Path folder) {
        // nothing: the server runs on; Karaf is stopped only so that the machine is the same as for Derby
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), server.user(), "");
    }

    @Override
    public String describe() throws SQLException {
        try (Connection connection = connect()) {
            return "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion() + " on "
                    + server.jdbcUrl(database) + " (driver " + connection.getMetaData().getDriverVersion() + ")";
        }
    }

    @Override
    public String forUpdate() {
        return " FOR UPDATE";
    }

    @Override
    public String nextValue(String qualifiedSequence) {
        return "SELECT nextval('" + qualifiedSequence + "')";
    }

    @Override
    public void close() {
        server.stop();
    }
}
