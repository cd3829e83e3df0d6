package org.opportune.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.PersistenceException;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.UnavailableException;

public class JpaUnitTest {
    private JpaUnit jpa;
    private EmbeddedDataSource dataSource;

    @Before
    public void start() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        jpa = new JpaUnit("opportune-persistence-test", dataSource, JpaUnitTest.class.getClassLoader(), new SchemaMigrations());
    }

    @After
    public void stop() {
        jpa.close();
    }

    private static PersistenceException failure(String sqlState) {
        return new PersistenceException(new SQLException("lost", sqlState));
    }

    @Test
    public void aTransactionThatLostALockRaceRunsAgainAndOnlyItsLastRunIsCommitted() {
        AtomicInteger runs = new AtomicInteger();
        String result = jpa.inTransaction(em -> {
            int run = runs.incrementAndGet();
            em.persist(new NoteEntity("run" + run));
            em.flush();
            if (run < 3) {
                throw failure(run == 1 ? "40XL1" : "40001");
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, runs.get());
        assertNull(jpa.read(em -> em.find(NoteEntity.class, "run1")));
        assertNull(jpa.read(em -> em.find(NoteEntity.class, "run2")));
        assertEquals(1L, (long) jpa.read(em -> em.createQuery("SELECT COUNT(n) FROM NoteEntity n", Long.class)
                .getSingleResult()));
    }

    /** A move's tasks draw numbers from a sequence: Derby's contention on it is a lost race too, on JDBC work. */
    @Test
    public void sequenceContentionOnJdbcWorkIsRetried() {
        AtomicInteger runs = new AtomicInteger();
        String result = jpa.inJdbcTransaction(connection -> {
            if (runs.incrementAndGet() == 1) {
                throw new SQLException("Too much contention on sequence TASK_NO.", "X0Y84");
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(2, runs.get());
    }

    @Test
    public void afterThreeLostRacesTheClientIsToldToRetry() {
        AtomicInteger runs = new AtomicInteger();
        ConflictException refused = assertThrows(ConflictException.class, () -> jpa.inTransaction(em -> {
            runs.incrementAndGet();
            throw failure("40XL1");
        }));
        assertEquals(3, runs.get());
        assertEquals("the record is being changed by another request right now; retry", refused.getMessage());
    }

    @Test
    public void anExhaustedConnectionPoolIsUnavailableNotAnError() {
        RuntimeException poolTimeout = new PersistenceException(new SQLException("Cannot get a connection",
                new java.util.NoSuchElementException("Timeout waiting for idle object")));
        UnavailableException refused = assertThrows(UnavailableException.class,
                () -> jpa.inTransaction(em -> {
                    throw poolTimeout;
                }));
        assertTrue(refused.getMessage().contains("no free connection"));
    }

    @Test
    public void otherFailuresAreNotRetried() {
        AtomicInteger runs = new AtomicInteger();
        assertThrows(ConflictException.class, () -> jpa.inTransaction(em -> {
            runs.incrementAndGet();
            throw failure("23505");
        }));
        assertEquals(1, runs.get());
        assertThrows(IllegalStateException.class, () -> jpa.inTransaction(em -> {
            runs.incrementAndGet();
            throw new IllegalStateException("a bug");
        }));
        assertEquals(2, runs.get());
    }

    /**
     * Another node (here: plain JDBC, as EclipseLink shares one session between factories of one unit in a JVM)
     * changes a row this node has read: the next read sees the change, whatever persistence.xml says.
     */
    @Test
    public void noEntityIsKeptInASharedCache() throws SQLException {
        for (String unit : new String[] {"opportune-persistence-test", "opportune-persistence-test-default-cache"}) {
            try (JpaUnit node = new JpaUnit(unit, dataSource, JpaUnitTest.class.getClassLoader(), new SchemaMigrations())) {
                String code = unit.length() > 30 ? "BLUE" : "RED";
                node.run(em -> {
                    ColourEntity colour = new ColourEntity(code);
                    colour.name("first");
                    em.persist(colour);
                });
                assertEquals("first", node.read(em -> em.find(ColourEntity.class, code).toView().name()));
                try (Connection other = dataSource.getConnection();
                        PreparedStatement update = other.prepareStatement(
                                "UPDATE TEST_COLOUR SET NAME = 'second', VERSION = VERSION + 1 WHERE CODE = ?")) {
                    update.setString(1, code);
                    assertEquals(1, update.executeUpdate());
                }
                assertEquals(unit, "second", node.read(em -> em.find(ColourEntity.class, code).toView().name()));
                assertEquals(unit, 2L, (long) node.read(em -> em.find(ColourEntity.class, code).version()));
            }
        }
    }
}
