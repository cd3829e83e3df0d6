package org.opportune.benchmark;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

import org.opportune.itests.distribution.KarafDistribution;

/** A database the report benchmark measures the distribution on, and the hand-written SQL against. */
interface ReportDatabase extends AutoCloseable {

    /** The database's own connection for the load and the hand-written SQL; closing it releases the database. */
    interface Session extends AutoCloseable {
        Connection connection();

        @Override
        void close() throws SQLException;
    }

    String name();

    SqlDialect dialect();

    /** Points the unpacked distribution at this database; before its first start. */
    void configure(KarafDistribution karaf) throws IOException;

    /** Opens the database for this JVM while Karaf is stopped; {@code purpose} names its log, if it keeps one. */
    Session open(KarafDistribution karaf, String purpose) throws SQLException;

    /** What a DBA does after a bulk load, so that the planner knows the new rows. */
    void updateStatistics(Connection connection) throws SQLException;

    @Override
    void close();
}
