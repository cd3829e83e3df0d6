package org.opportune.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import javax.persistence.EntityManager;
import javax.sql.DataSource;

/**
 * A module's cache generation in the database, so that several nodes on one database keep their
 * in-memory caches right (Odoo's registry sequence): every transaction that changes cached data
 * {@link #bump bumps} the module's row in that same transaction, and a cache compares
 * {@link #current the generation} with the one its copy was built at on every use, reloading when
 * they differ. The table {@code CACHE_GENERATION} is {@link SchemaMigrations#SHARED_CHANGELOG}'s (a
 * module that uses one includes it); the row of a name is added on first use.
 * <p>
 * Both go through the caller's {@link EntityManager}, so inside a transaction they use its
 * connection and never a second. Races stay safe when a cache reads the generation <em>before</em> it
 * loads and keeps what it loaded under that generation: a commit between the two makes the
 * generation differ at the next use, so what was loaded is then dropped even if it was the old
 * state. The rows must never be deleted.
 */
public final class CacheGeneration {
    private static final String TABLE = "CACHE_GENERATION";

    private static final String CURRENT = "SELECT GENERATION FROM " + TABLE + " WHERE NAME = ?";

    private final String name;

    /**
     * Adds the row when missing, on a connection of its own (at activation, before any request).
     *
     * @param name the cache, e.g. {@code cycles}; at most 50 characters
     */
    public CacheGeneration(DataSource dataSource, String name) {
        this.name = Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > 50) {
            throw new IllegalArgumentException("a cache generation's name has 1 to 50 characters: " + name);
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!rowExists(connection)) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + TABLE + " (NAME, GENERATION) VALUES (?, 0)")) {
                    insert.setString(1, name);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!rowExists(connection)) { // another node inserted it meanwhile
                        throw e;
                    }
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot add the " + TABLE + " row " + name, e);
        }
    }

    private boolean rowExists(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CURRENT)) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** @return the cache's name */
    public String name() {
        return name;
    }

    /**
     * Marks the cached data changed: call it in every transaction that writes such data, before it
     * commits. The row stays locked until then, so writes of one cache are serialised, which is why
     * it is best called once the transaction's own rows are locked.
     *
     * @param em the writing transaction's, which must be active
     */
    public void bump(EntityManager em) {
        int updated = em.createNativeQuery("UPDATE " + TABLE + " SET GENERATION = GENERATION + 1 WHERE NAME = ?")
                .setParameter(1, name).executeUpdate();
        if (updated == 0) { // the row was deleted after all: start again, far from what caches may hold
            em.createNativeQuery("INSERT INTO " + TABLE + " (NAME, GENERATION) VALUES (?, ?)").setParameter(1, name)
                    .setParameter(2, System.currentTimeMillis()).executeUpdate();
        }
    }

    /**
     * One cheap SELECT on the entity manager's connection: the transaction's when one is active
     * (which then sees its own bumps), otherwise a connection taken for this statement only.
     *
     * @return the generation last committed (or bumped by this transaction); -1 when there is no row
     */
    public long current(EntityManager em) {
        List<?> rows = em.createNativeQuery(CURRENT).setParameter(1, name).getResultList();
        return rows.isEmpty() ? -1 : ((Number) rows.get(0)).longValue();
    }

    /**
     * The same SELECT with plain JDBC on a connection taken for it alone: for a check outside any transaction,
     * where an EntityManager would cost more than the statement (a cache asked on every move).
     *
     * @return the generation last committed; -1 when there is no row
     */
    public long current(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(CURRENT)) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the cache generation " + name + ": " + e.getMessage(), e);
        }
    }
}
