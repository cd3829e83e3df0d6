package org.opportune.itests;

import static org.junit.Assert.assertFalse;

import java.io.IOException;
import java.nio.file.Files;

import org.opportune.itests.distribution.KarafDistribution;
import org.opportune.itests.postgres.PostgresOptions;
import org.opportune.itests.postgres.PostgresServer;

/**
 * {@link RestartPersistenceIT} on PostgreSQL: the unpacked distribution's DataSource is pointed at a new database
 * of the throw-away server by editing {@code etc/org.ops4j.datasource-opportune.cfg}, as an administrator does.
 */
public class RestartPersistencePostgresIT extends RestartPersistenceIT {

    @Override
    protected void configure(KarafDistribution unpacked) throws IOException {
        PostgresOptions.pointAt(unpacked, PostgresServer.shared().newDatabase("opportune"));
    }

    @Override
    protected void assertWhereTheDataLives(KarafDistribution restarted) {
        assertFalse("no embedded Derby was made", Files.exists(restarted.derbyDatabase()));
    }
}
