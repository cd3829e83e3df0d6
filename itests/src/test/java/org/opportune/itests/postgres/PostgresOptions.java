package org.opportune.itests.postgres;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.util.Map;

import org.opportune.itests.distribution.KarafDistribution;
import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options that point the distribution's DataSource ({@code etc/org.ops4j.datasource-opportune.cfg}) at a new,
 * empty database of the shared throw-away {@link PostgresServer}, as the README's "The database" section says. Called
 * from a test class's {@code additionalOptions()}, i.e. in the test JVM before the container starts, or, for a
 * distribution run as a process, through {@link #pointAt}.
 */
public final class PostgresOptions {

    public static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-opportune.cfg";

    private PostgresOptions() {
    }

    /** Starts the server if need be, creates a database {@code opportune_N} and configures the DataSource for it. */
    public static Option[] dataSource() {
        return dataSourceOf(PostgresServer.shared().newDatabase("opportune")).entrySet().stream()
                .map(property -> editConfigurationFilePut(DATASOURCE_CFG, property.getKey(), property.getValue()))
                .toArray(Option[]::new);
    }

    /**
     * Points an unpacked distribution's DataSource at {@code database} of the shared server by editing
     * {@value #DATASOURCE_CFG}, as an administrator does.
     */
    public static void pointAt(KarafDistribution unpacked, String database) throws IOException {
        PostgresServer server = PostgresServer.shared();
        unpacked.usePostgres(server.jdbcUrl(database), server.user());
    }

    /** The properties of {@value #DATASOURCE_CFG} that point the DataSource at {@code database}. */
    private static Map<String, String> dataSourceOf(String database) {
        PostgresServer server = PostgresServer.shared();
        return KarafDistribution.postgresDataSource(server.jdbcUrl(database), server.user());
    }
}
