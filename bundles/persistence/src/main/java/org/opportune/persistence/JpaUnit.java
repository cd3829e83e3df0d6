package org.opportune.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.sql.DataSource;

import org.eclipse.persistence.jpa.PersistenceProvider;
import org.opportune.api.ConflictException;
import org.opportune.api.OpportuneException;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;

/**
 * A module's persistence unit on the shared DataSource: applies the module's schema changes
 * ({@code db/changelog/<unit>.xml} in its jar, see {@link SchemaMigrations}), builds the
 * EntityManagerFactory with EclipseLink directly (no JPA container needed, no DDL of its own), and
 * runs each service call as one RESOURCE_LOCAL transaction. EclipseLink's shared object cache is
 * always off: every entity manager reads what the database holds now (see {@link CacheGeneration} for
 * a module's own caches).
 */
public final class JpaUnit implements AutoCloseable {
    private static final int ATTEMPTS = 3;
    /**
     * Deadlock or serialisation failure, Derby's lock timeouts, PostgreSQL's deadlock, Derby's "too much contention on
     * sequence" (concurrent first draws of a sequence's next preallocated range): the transaction lost a race.
     */
    private static final Set<String> LOCK_GIVEN_UP = Set.of("40001", "40XL1", "40XL2", "40P01", "X0Y84");

    private final EntityManagerFactory factory;
    private final DataSource dataSource;
    private final SharedTransactions sharing;

    /** Work on a transaction's JDBC connection. */
    @FunctionalInterface
    public interface JdbcWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * @param unitName    the persistence unit in the module's {@code META-INF/persistence.xml}
     * @param dataSource  the shared DataSource
     * @param classLoader the module's class loader, which sees its entities, persistence.xml and changelog
     * @param migrations  applies the changelog before the unit starts
     */
    public JpaUnit(String unitName, DataSource dataSource, ClassLoader classLoader, SchemaMigrations migrations) {
        this(unitName, dataSource, classLoader, migrations, null);
    }

    /**
     * A unit whose transactions other modules may join: while {@link #inTransaction} runs its work, the
     * transaction's connection is {@link SharedTransactions#joined()} on that thread.
     *
     * @param sharing the installation's transaction scope, null to share nothing
     */
    public JpaUnit(String unitName, DataSource dataSource, ClassLoader classLoader, SchemaMigrations migrations,
            SharedTransactions sharing) {
        this.dataSource = dataSource;
        this.sharing = sharing;
        migrations.apply(dataSource, SchemaMigrations.changelogOf(unitName), classLoader);
        Map<String, Object> properties = new HashMap<>();
        properties.put("javax.persistence.nonJtaDataSource", dataSource);
        properties.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("eclipselink.classloader", classLoader);
        properties.put("eclipselink.weaving", "false");
        // the schema is the changelog's alone
        properties.put("eclipselink.ddl-generation", "none");
        properties.put("eclipselink.logging.logger", "JavaLogger");
        properties.put("eclipselink.jdbc.batch-writing", "JDBC");
        // the DataSource pool owns the connections; EclipseLink must not keep its own
        properties.put("eclipselink.jdbc.exclusive-connection.mode", "Transactional");
        // several nodes share the database: no shared (L2) object cache, whatever the unit's persistence.xml says,
        // or a node would keep serving entities as they were before another node's commit
        properties.put("javax.persistence.sharedCache.mode", "NONE");
        properties.put("eclipselink.cache.shared.default", "false");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            factory = new PersistenceProvider().createEntityManagerFactory(unitName, properties);
            if (factory == null) {
                throw new IllegalStateException("persistence unit " + unitName + " not found by " + classLoader);
            }
            // deploy now: a mapping that does not fit the schema fails the module's start, not its first request
            factory.createEntityManager().close();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Runs {@code work} in one transaction and commits it; on any failure nothing is written. When
     * the database gives up on a lock (deadlock or lock timeout, which Derby reports under
     * concurrent inserts) the whole transaction is run again, up to {@value #ATTEMPTS} times, so
     * {@code work} must have no effects outside the EntityManager.
     */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return retried(() -> once(work));
    }

    /**
     * Like {@link #inTransaction(Function)}, with plain JDBC on a connection of the unit's DataSource instead of an
     * EntityManager: for a hot path whose few statements EclipseLink's unit of work would cost more than the
     * database does (a move). Shared like the unit's other transactions; retried the same way, so {@code work}
     * must have no effects outside the connection.
     */
    public <T> T inJdbcTransaction(JdbcWork<T> work) {
        return retried(() -> onceOnJdbc(work));
    }

    private <T> T retried(Supplier<T> once) {
        for (int attempt = 1;; attempt++) {
            try {
                return once.get();
            } catch (RuntimeException e) {
                RuntimeException translated = translate(e);
                if (attempt == ATTEMPTS || !isLockGivenUp(e)) {
                    throw translated;
                }
                backOff(attempt);
            }
        }
    }

    private <T> T onceOnJdbc(JdbcWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = sharing == null ? work.apply(connection)
                        : sharing.sharing(() -> connection, () -> applyUnchecked(work, connection));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new JdbcFailure(e);
        }
    }

    private static <T> T applyUnchecked(JdbcWork<T> work, Connection connection) {
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new JdbcFailure(e);
        }
    }

    /** An SQLException of JDBC work, carried as its cause for {@link #translate} and the retry. */
    private static final class JdbcFailure extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        JdbcFailure(SQLException cause) {
            super(cause.getMessage() + " (SQLState " + cause.getSQLState() + ")", cause);
        }
    }

    private <T> T once(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = sharing == null ? work.apply(em)
                    : sharing.sharing(() -> em.unwrap(Connection.class), () -> work.apply(em));
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("interrupted while retrying a transaction; retry");
        }
    }

    /** Like {@link #inTransaction(Function)} for work without a result. */
    public void run(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Runs read-only work; no transaction is held open. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } catch (RuntimeException e) {
            throw translate(e);
        } finally {
            em.close();
        }
    }

    @Override
    public void close() {
        factory.close();
    }

    /** Turns what the database says into the refusals clients understand. */
    static RuntimeException translate(RuntimeException e) {
        if (e instanceof OpportuneException) {
            return e;
        }
        if (e instanceof javax.persistence.OptimisticLockException
                || e instanceof org.eclipse.persistence.exceptions.OptimisticLockException
                || e.getCause() instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
            return new StaleVersionException("the record was changed by someone else meanwhile; read it again and retry");
        }
        if (poolExhausted(e)) {
            return new UnavailableException("the database has no free connection right now (all are in use by"
                    + " other requests); nothing was changed, retry");
        }
        SQLException sql = sqlCause(e);
        if (sql != null) {
            String state = sql.getSQLState() == null ? "" : sql.getSQLState();
            if (state.equals("23505")) {
                return new ConflictException("a record with the same key exists already");
            }
            if (state.equals("23503")) {
                return new ConflictException("the record is still referenced by other records");
            }
            if (LOCK_GIVEN_UP.contains(state)) {
                return new ConflictException("the record is being changed by another request right now; retry");
            }
        }
        return e;
    }

    /** The pool gives up waiting after {@code pool.maxWaitMillis} with a NoSuchElementException. */
    private static boolean poolExhausted(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof NoSuchElementException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLockGivenUp(RuntimeException e) {
        if (e instanceof OpportuneException) {
            return false;
        }
        SQLException sql = sqlCause(e);
        return sql != null && sql.getSQLState() != null && LOCK_GIVEN_UP.contains(sql.getSQLState());
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                SQLException next = sql;
                while (next.getNextException() != null && next.getSQLState() != null
                        && next.getSQLState().startsWith("XJ")) {
                    next = next.getNextException();
                }
                return next;
            }
        }
        return null;
    }
}
