package org.opportune.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Two nodes on one database: two JpaUnits and two CacheGenerations on the same in-memory Derby. */
public class CacheGenerationTest {
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private DataSource dataSource;
    private JpaUnit nodeA;
    private JpaUnit nodeB;

    @Before
    public void start() {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:" + UUID.randomUUID());
        derby.setCreateDatabase("create");
        dataSource = counting(derby);
        nodeA = new JpaUnit("opportune-persistence-test", dataSource, CacheGenerationTest.class.getClassLoader(), new SchemaMigrations());
        nodeB = new JpaUnit("opportune-persistence-test", dataSource, CacheGenerationTest.class.getClassLoader(), new SchemaMigrations());
    }

    @After
    public void stop() {
        nodeA.close();
        nodeB.close();
    }

    /** Counts the connections open at once. */
    private DataSource counting(DataSource derby) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, derby, args);
                    if (method.getName().equals("getConnection")) {
                        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                        Connection connection = (Connection) result;
                        AtomicInteger closed = new AtomicInteger();
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                                (p, m, a) -> {
                                    if (m.getName().equals("close") && closed.getAndIncrement() == 0) {
                                        open.decrementAndGet();
                                    }
                                    return invoke(m, connection, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    public void everyNodeCreatesTheTableAndRowOnlyOnceAndStartsAtZero() {
        CacheGeneration a = new CacheGeneration(dataSource, "cycles");
        CacheGeneration b = new CacheGeneration(dataSource, "cycles");
        CacheGeneration other = new CacheGeneration(dataSource, "salespeople");
        assertEquals(0L, (long) nodeA.read(a::current));
        assertEquals(0L, (long) nodeB.read(b::current));
        assertEquals(0L, (long) nodeB.read(other::current));
        assertEquals("cycles", a.name());
    }

    @Test
    public void aCommittedBumpIsSeenByTheOtherNodeARolledBackOneIsNot() {
        CacheGeneration a = new CacheGeneration(dataSource, "cycles");
        CacheGeneration b = new CacheGeneration(dataSource, "cycles");
        CacheGeneration other = new CacheGeneration(dataSource, "salespeople");
        nodeA.run(a::bump);
        assertEquals(1L, (long) nodeB.read(b::current));
        assertEquals(0L, (long) nodeB.read(other::current)); // each cache has its own row

        assertThrows(IllegalStateException.class, () -> nodeA.run(em -> {
            a.bump(em);
            throw new IllegalStateException("the write fails");
        }));
        assertEquals(1L, (long) nodeB.read(b::current));
    }

    @Test
    public void insideATransactionBothUseItsConnectionAndSeeItsOwnBump() {
        CacheGeneration a = new CacheGeneration(dataSource, "cycles");
        CacheGeneration b = new CacheGeneration(dataSource, "cycles");
        mostOpen.set(open.get());
        long seen = nodeA.inTransaction(em -> {
            long before = a.current(em);
            a.bump(em);
            em.persist(new NoteEntity("written"));
            em.flush();
            assertEquals(before + 1, a.current(em));
            return a.current(em);
        });
        assertEquals(1L, seen);
        assertEquals("never a second connection while the transaction holds one", 1, mostOpen.get());
        assertEquals(1L, (long) nodeB.read(b::current));
    }

    @Test
    public void aMissingRowIsStartedAgainAwayFromOldGenerations() {
        CacheGeneration a = new CacheGeneration(dataSource, "cycles");
        nodeA.run(em -> em.createNativeQuery("DELETE FROM CACHE_GENERATION").executeUpdate());
        assertEquals(-1L, (long) nodeA.read(a::current));
        nodeA.run(a::bump);
        long restarted = nodeB.read(a::current);
        assertEquals(true, restarted > 1_000_000L);
        nodeA.run(a::bump);
        assertEquals(restarted + 1, (long) nodeB.read(a::current));
    }

    @Test
    public void aNameMustFitTheColumn() {
        assertThrows(IllegalArgumentException.class, () -> new CacheGeneration(dataSource, "x".repeat(51)));
        assertThrows(IllegalArgumentException.class, () -> new CacheGeneration(dataSource, ""));
    }
}
