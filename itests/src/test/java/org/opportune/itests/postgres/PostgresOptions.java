package org.opportune.itests.postgres;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options that point the distribution's DataSource ({@code etc/org.ops4j.datasource-opportune.cfg}) at a new,
 * empty database of the shared throw-away {@link PostgresServer}, as the README's "The database" section says. Called
 * from a test class's {@code additionalOptions()}, i.e. in the test JVM before the container starts.
 */
public final class PostgresOptions {

    /** The name the PostgreSQL driver registers its DataSourceFactory under (osgi.jdbc.driver.name). */
    static final String DRIVER_NAME = "PostgreSQL JDBC Driver";
    private static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-opportune.cfg";

    private PostgresOptions() {
    }

    /** Starts the server if need be, creates a database {@code opportune_N} and configures the DataSource for it. */
    public static Option[] dataSource() {
        PostgresServer server = PostgresServer.shared();
        String database = server.newDatabase("opportune");
        return new Option[] {
            // replaces the shipped osgi.jdbc.driver.name = derby
            editConfigurationFilePut(DATASOURCE_CFG, "osgi.jdbc.driver.name", DRIVER_NAME),
            editConfigurationFilePut(DATASOURCE_CFG, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
            editConfigurationFilePut(DATASOURCE_CFG, "url", server.jdbcUrl(database)),
            editConfigurationFilePut(DATASOURCE_CFG, "user", server.user()),
        };
    }
}
