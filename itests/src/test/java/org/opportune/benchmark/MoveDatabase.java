package org.opportune.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import org.opportune.itests.distribution.KarafDistribution;

/**
 * The database both phases of the move benchmark run on, and where its SQL differs: the distribution's embedded
 * Derby as shipped, or a throw-away PostgreSQL the distribution is pointed at. Lifecycle: {@link #configure} before
 * Karaf starts, {@link #karafStopped} once it stopped (the JDBC phase then {@link #connect}s), {@link #close} at the
 * end, also on failure.
 */
interface MoveDatabase extends AutoCloseable {

    static MoveDatabase start(BenchmarkSettings.Database database) {
        return switch (database) {
            case DERBY -> new DerbyMoveDatabase();
            case POSTGRES -> PostgresMoveDatabase.start();
        };
    }

    /** Points the unpacked distribution's DataSource at this database (nothing to do for the shipped Derby). */
    void configure(KarafDistribution karaf) throws IOException;

    /**
     * The CPU time so far of the database's own processes, or null when the database runs inside the JVM that
     * moves (Derby: in Karaf, then in the benchmark JVM).
     */
    Supplier<Duration> processCpu();

    /** How the CPU of the database is counted, for the printout. */
    String cpuAccounting();

    /** Karaf has stopped: the benchmark may open the database now. */
    void karafStopped(KarafDistribution karaf, Path folder);

    /** A new connection (auto-commit on, as the driver gives it). */
    Connection connect() throws SQLException;

    /** E.g. {@code Derby 10.14.2.0 on /path} or {@code PostgreSQL 15.6 on 127.0.0.1:port/db}. */
    String describe() throws SQLException;

    /** What follows a SELECT to lock its rows as EclipseLink does on this database. */
    String forUpdate();

    /** The statement whose one row and column is the next value of {@code qualifiedSequence}. */
    String nextValue(String qualifiedSequence);

    @Override
    void close();
}
