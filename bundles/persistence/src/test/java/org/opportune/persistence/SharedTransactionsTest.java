package org.opportune.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

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

public class SharedTransactionsTest {
    private final SharedTransactions sharing = new SharedTransactions();
    private JpaUnit jpa;

    @Before
    public void start() {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        jpa = new JpaUnit("opportune-persistence-test", dataSource, SharedTransactionsTest.class.getClassLoader(),
                new SchemaMigrations(), sharing);
    }

    @After
    public void stop() {
        jpa.close();
    }

    /** What another module does when it joins: plain statements on the shared connection. */
    private void joinerWrites(String id) {
        Connection connection = sharing.joined().orElseThrow();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO TEST_NOTE (ID) VALUES (?)")) {
            insert.setString(1, id);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean stored(String id) {
        return jpa.read(em -> em.find(NoteEntity.class, id)) != null;
    }

    @Test
    public void whatAJoinerWritesCommitsWithTheOwnersTransaction() {
        jpa.run(em -> {
            em.persist(new NoteEntity("owner"));
            em.flush();
            joinerWrites("joiner");
        });
        assertNotNull(jpa.read(em -> em.find(NoteEntity.class, "owner")));
        assertEquals(true, stored("joiner"));
    }

    @Test
    public void whatAJoinerWritesIsRolledBackWithTheOwnersTransaction() {
        assertThrows(IllegalArgumentException.class, () -> jpa.run(em -> {
            joinerWrites("joiner");
            throw new IllegalArgumentException("refused after the joiner wrote");
        }));
        assertFalse(stored("joiner"));
    }

    @Test
    public void aRetriedTransactionKeepsOnlyWhatTheJoinerWroteInTheLastRun() {
        AtomicInteger runs = new AtomicInteger();
        jpa.run(em -> {
            int run = runs.incrementAndGet();
            joinerWrites("joiner" + run);
            if (run == 1) {
                throw new PersistenceException(new SQLException("lost a lock race", "40001"));
            }
        });
        assertEquals(2, runs.get());
        assertFalse(stored("joiner1"));
        assertEquals(true, stored("joiner2"));
    }

    @Test
    public void nothingIsSharedOutsideATransaction() {
        assertEquals(java.util.Optional.empty(), sharing.joined());
        jpa.run(em -> joinerWrites("inside"));
        assertEquals(java.util.Optional.empty(), sharing.joined());
        assertNull(jpa.read(em -> sharing.joined().orElse(null)));
    }

    @Test
    public void aJoinerCannotEndTheOwnersTransaction() {
        jpa.run(em -> {
            Connection connection = sharing.joined().orElseThrow();
            assertThrows(IllegalStateException.class, connection::commit);
            assertThrows(IllegalStateException.class, connection::rollback);
            assertThrows(IllegalStateException.class, connection::close);
            assertThrows(IllegalStateException.class, () -> connection.setAutoCommit(true));
            joinerWrites("still-open");
        });
        assertEquals(true, stored("still-open"));
    }
}
