package org.opportune.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.opportune.itests.distribution.KarafDistribution;

/**
 * The distribution's embedded Derby as shipped: nothing to configure; opened in this JVM with the embedded driver
 * while Karaf is stopped (one JVM per database), shut down again before Karaf starts.
 */
final class DerbyReportDatabase implements ReportDatabase {

    @Override
    public String name() {
        return "derby";
    }

    @Override
    public SqlDialect dialect() {
        return SqlDialect.DERBY;
    }

    @Override
    public void configure(KarafDistribution karaf) {
        // the shipped DataSource configuration names the embedded Derby already
    }

    @Override
    public Session open(KarafDistribution karaf, String purpose) throws SQLException {
        EmbeddedDerby derby = new EmbeddedDerby(karaf.derbyDatabase(),
                karaf.home().resolve("data/derby-" + purpose + ".log"));
        Connection connection;
        try {
            connection = derby.connect();
        } catch (SQLException | RuntimeException e) {
            derby.close();
            throw e;
        }
        return new Session() {
            @Override
            public Connection connection() {
                return connection;
            }

            @Override
            public void close() throws SQLException {
                try {
                    connection.close();
                } finally {
                    derby.close();
                }
            }
        };
    }

    @Override
    public void updateStatistics(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("OPPORTUNITY", "OPPORTUNITY_ENTRY")) {
                statement.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table + "', NULL)");
            }
        }
        connection.commit();
    }

    @Override
    public void close() {
        // nothing of its own runs: the database shuts down with each session
    }
}
