package org.opportune.itests;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opportune.itests.distribution.KarafDistribution;
import org.opportune.itests.postgres.PostgresOptions;
import org.opportune.itests.postgres.PostgresServer;

/**
 * {@link UpgradeIT} on PostgreSQL: the old build's dump restored into a new database of the throw-away server
 * (as an administrator restores a backup), the fresh distribution on another new database.
 */
public class UpgradePostgresIT extends UpgradeIT {
    private final Map<KarafDistribution, String> databases = new HashMap<>();

    @Override
    protected void useOldDatabase(KarafDistribution unpacked) throws IOException {
        String database = PostgresServer.shared().newDatabase("upgraded");
        PostgresServer.shared().restore(database, FIXTURES.resolve("postgres-87120d3.sql.gz"));
        use(unpacked, database);
    }

    @Override
    protected void useNewDatabase(KarafDistribution unpacked) throws IOException {
        use(unpacked, PostgresServer.shared().newDatabase("fresh"));
    }

    private void use(KarafDistribution unpacked, String database) throws IOException {
        databases.put(unpacked, database);
        PostgresOptions.pointAt(unpacked, database);
    }

    /** A month's groups are estimated from statistics of the month (change set opportunity-month-statistics-1). */
    @Override
    protected List<String> databaseSpecificSchema() {
        String codes = " SALES_CYCLE_CODE, SALESPERSON_CODE, ";
        return List.of("statistics OPPORTUNITY_CLOSE_MONTH" + codes + "OPPORTUNE_MONTH(ESTIMATED_CLOSE_DATE)",
                "statistics OPPORTUNITY_CLOSED_MONTH" + codes + "OPPORTUNE_MONTH(DATE_CLOSED)",
                "statistics OPPORTUNITY_CREATION_MONTH" + codes + "OPPORTUNE_MONTH(CREATION_DATE)");
    }

    /** The expected answers come from the Derby copy, written a few seconds apart from the PostgreSQL one. */
    @Override
    protected Set<String> fieldsThatDiffer() {
        return Set.of("changedAt");
    }

    @Override
    protected Connection open(KarafDistribution stopped) throws SQLException {
        PostgresServer server = PostgresServer.shared();
        return DriverManager.getConnection(server.jdbcUrl(databases.get(stopped)), server.user(), "");
    }

    @Override
    protected void close(KarafDistribution stopped) {
    }
}
