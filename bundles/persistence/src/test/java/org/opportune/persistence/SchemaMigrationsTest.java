package org.opportune.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Test;
import org.opportune.persistence.testing.ChangelogSchema;

/** Liquibase change sets applied once per database, on an embedded Derby as the distribution ships it. */
public class SchemaMigrationsTest {
    private static final String TEST_CHANGELOG = SchemaMigrations.changelogOf("opportune-persistence-test");
    private final ClassLoader loader = SchemaMigrationsTest.class.getClassLoader();
    private final SchemaMigrations migrations = new SchemaMigrations();
    private EmbeddedDataSource dataSource;

    @Before
    public void emptyDatabase() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
    }

    @Test
    public void theSharedChangelogKeepsToLiquibasesSchema() {
        ChangelogSchema.assertValid(loader, SchemaMigrations.SHARED_CHANGELOG);
        AssertionError broken = assertThrows(AssertionError.class,
                () -> ChangelogSchema.assertValid(loader, "db/changelog/opportune-persistence-test-misspelt.xml"));
        assertTrue(broken.getMessage(), broken.getMessage().contains("line 7") && broken.getMessage().contains("colunm"));
    }

    @Test
    public void aChangeSetRunsOnceAndTheSharedOnesAreRecordedUnderTheirOwnName() throws SQLException {
        migrations.apply(dataSource, TEST_CHANGELOG, loader);
        migrations.apply(dataSource, TEST_CHANGELOG, loader);

        assertEquals(List.of("opportune-persistence audit-log-1 EXECUTED",
                "opportune-persistence cache-generation-1 EXECUTED",
                "opportune-persistence number-series-1 EXECUTED",
                "opportune-persistence-test test-tables-1 EXECUTED"), applied());
        assertTrue(tableExists("NUMBER_SERIES"));
        assertTrue(tableExists("CACHE_GENERATION"));
        assertTrue(tableExists("AUDIT_LOG"));
        assertTrue(tableExists("TEST_COLOUR"));
    }

    @Test
    public void tablesMadeBeforeMigrationsAreOnlyRecordedAsApplied() throws SQLException {
        execute("CREATE TABLE NUMBER_SERIES (SERIES_CODE VARCHAR(20) NOT NULL PRIMARY KEY, LAST_NO BIGINT NOT NULL)");
        execute("INSERT INTO NUMBER_SERIES VALUES ('CONTACT', 41)");

        migrations.apply(dataSource, SchemaMigrations.SHARED_CHANGELOG, loader);

        assertEquals(List.of("opportune-persistence audit-log-1 EXECUTED",
                "opportune-persistence cache-generation-1 EXECUTED",
                "opportune-persistence number-series-1 MARK_RAN"), applied());
        assertEquals("CT000042", new NumberSeries(dataSource).next("CONTACT", "CT", 6));
    }

    @Test
    public void aLockLeftByAKilledProcessDoesNotBlockTheNextStart() throws SQLException {
        migrations.apply(dataSource, SchemaMigrations.SHARED_CHANGELOG, loader);
        // what a process killed during a migration leaves behind
        execute("UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKGRANTED = CURRENT_TIMESTAMP,"
                + " LOCKEDBY = 'killed-node (10.0.0.9)' WHERE ID = 1");

        long started = System.nanoTime();
        migrations.apply(dataSource, TEST_CHANGELOG, loader);

        assertTrue("no waiting for Liquibase's lock", System.nanoTime() - started < 60_000_000_000L);
        assertTrue(tableExists("TEST_COLOUR"));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet lock = statement.executeQuery("SELECT LOCKED FROM DATABASECHANGELOGLOCK WHERE ID = 1")) {
            assertTrue(lock.next());
            assertFalse("released after the run", lock.getBoolean(1));
        }
    }

    @Test
    public void modulesStartingTogetherMigrateOneAfterTheOther() throws Exception {
        ExecutorService modules = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                started.add(modules.submit(() -> migrations.apply(dataSource, TEST_CHANGELOG, loader)));
            }
            for (Future<?> module : started) {
                module.get();
            }
        } finally {
            modules.shutdown();
        }
        assertEquals(4, applied().size());
    }

    @Test
    public void aFailingChangeSetNamesItsChangelogAndLeavesTheConnectionAsItWas() throws SQLException {
        execute("CREATE TABLE TEST_NOTE (ID VARCHAR(10) NOT NULL PRIMARY KEY)"); // in the way of test-tables-1

        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> migrations.apply(dataSource, TEST_CHANGELOG, loader));

        assertTrue(failed.getMessage(), failed.getMessage().contains(TEST_CHANGELOG));
        assertFalse("test-tables-1 is not recorded", applied().contains("opportune-persistence-test test-tables-1 EXECUTED"));
        try (Connection connection = dataSource.getConnection()) {
            assertTrue(connection.getAutoCommit());
        }
    }

    private List<String> applied() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet changeSets = statement.executeQuery(
                        "SELECT FILENAME, ID, EXECTYPE FROM DATABASECHANGELOG ORDER BY FILENAME, ID")) {
            while (changeSets.next()) {
                rows.add(changeSets.getString(1) + " " + changeSets.getString(2) + " " + changeSets.getString(3));
            }
        }
        return rows;
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
