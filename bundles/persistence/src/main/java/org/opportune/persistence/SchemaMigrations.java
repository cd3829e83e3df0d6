package org.opportune.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.ui.LoggerUIService;
import liquibase.UpdateSummaryOutputEnum;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a module's schema changes (Liquibase change sets) before its persistence unit starts: each
 * module owns {@code db/changelog/<unit>.xml} in its own jar, and a change set runs once per database,
 * recorded in {@code DATABASECHANGELOG}. The shared tables ({@code NUMBER_SERIES},
 * {@code CACHE_GENERATION}) are {@code db/changelog/opportune-persistence.xml} in this bundle, which a
 * module's changelog includes.
 * <p>
 * One migration at a time: in this JVM by this service's monitor, across nodes on PostgreSQL by a
 * session advisory lock, which the database drops with the connection of a node that dies. Whoever
 * holds both may therefore treat a Liquibase lock row still set as left by a process killed during a
 * migration, and releases it, on PostgreSQL and on an embedded Derby (which one JVM opens at a time).
 * Elsewhere Liquibase waits for its lock and, after five minutes, fails with the command that
 * releases it (see the README).
 */
@Component(service = SchemaMigrations.class)
public final class SchemaMigrations {
    /** The change sets every module may include: the tables this bundle's classes use. */
    public static final String SHARED_CHANGELOG = "db/changelog/opportune-persistence.xml";
    /** pg_advisory_lock key: "OPPORTUN" in ASCII, so no other application picks it by chance. */
    private static final long ADVISORY_LOCK_KEY = 0x4F50504F5254554EL;
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    /**
     * What Liquibase runs with: its own bundle's class loader first, so that {@code java.util.ServiceLoader} finds
     * Liquibase's services (databases, change types) in its own jar's {@code META-INF/services}, without an OSGi
     * ServiceLoader mediator weaving its classes and registering hundreds of services at start; then this bundle's,
     * for the custom preconditions the changelogs name.
     */
    private final ClassLoader liquibaseLoader = new ClassLoader(Scope.class.getClassLoader()) {
        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            return SchemaMigrations.class.getClassLoader().loadClass(name);
        }
    };

    /** Where a module's changelog lives in its jar. */
    public static String changelogOf(String unitName) {
        return "db/changelog/" + unitName + ".xml";
    }

    /**
     * Applies the change sets of {@code changelog} that this database has not seen yet, in one
     * Liquibase run; returns when the schema is up to date.
     *
     * @param moduleLoader the module's class loader, which sees its changelog
     * @throws IllegalStateException naming the changelog when a change set fails (nothing of that
     *                               change set is kept where the database has transactional DDL)
     */
    public synchronized void apply(DataSource dataSource, String changelog, ClassLoader moduleLoader) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Liquibase's first use in this JVM looks for its services through the context class loader
        thread.setContextClassLoader(liquibaseLoader);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                migrate(connection, changelog, moduleLoader);
            } finally {
                // Liquibase switches auto-commit off and may leave its last reads open: the pool gets the
                // connection back as it was
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                connection.setAutoCommit(autoCommit);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the schema changes of " + changelog + " failed: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void migrate(Connection connection, String changelog, ClassLoader moduleLoader) throws Exception {
        Database database = database(connection);
        boolean postgres = database instanceof PostgresDatabase;
        if (postgres) {
            advisoryLock(connection, "pg_advisory_lock");
        }
        try {
            if (postgres || embeddedDerby(connection)) {
                releaseLockOfKilledProcess(database);
            }
            update(database, changelog, moduleLoader);
        } finally {
            if (postgres) {
                advisoryLock(connection, "pg_advisory_unlock");
            }
        }
    }

    private void update(Database database, String changelog, ClassLoader moduleLoader) throws Exception {
        CompositeResourceAccessor changelogs = new CompositeResourceAccessor(
                new ClassLoaderResourceAccessor(moduleLoader),
                new ClassLoaderResourceAccessor(SchemaMigrations.class.getClassLoader()));
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), changelogs,
                Scope.Attr.classLoader.name(), liquibaseLoader,
                Scope.Attr.ui.name(), new LoggerUIService(),
                // an installed product does not report its runs to Liquibase's servers
                "liquibase.analytics.enabled", Boolean.FALSE,
                "liquibase.showBanner", Boolean.FALSE,
                // checking a changelog against Liquibase's XSD compiled the schema at every boot (about half of the
                // changelogs' parsing, which was 13 % of a fresh database's migrations); each module's build checks it
                "liquibase.validateXmlChangelogFiles", Boolean.FALSE);
        Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                .execute());
    }

    private static Database database(Connection connection) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        if (database instanceof DerbyDatabase derby) {
            derby.setShutdownEmbeddedDerby(false); // the pool's database stays open after the run
        }
        return database;
    }

    private static boolean embeddedDerby(Connection connection) throws SQLException {
        String url = connection.getMetaData().getURL();
        return url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://");
    }

    /** Called while no other process can be migrating: a lock row still set is a dead process's. */
    private static void releaseLockOfKilledProcess(Database database) throws LiquibaseException {
        LockService locks = LockServiceFactory.getInstance().getLockService(database);
        for (DatabaseChangeLogLock lock : locks.listLocks()) {
            LOG.warn("Releasing the schema migration lock that {} took at {} and never gave back (a node stopped"
                    + " during a migration); its changes are applied now", lock.getLockedBy(), lock.getLockGranted());
            locks.forceReleaseLock();
        }
        LockServiceFactory.getInstance().resetAll(); // the next run reads the lock table afresh
    }

    private static void advisoryLock(Connection connection, String function) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT " + function + "(" + ADVISORY_LOCK_KEY + ")");
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
