package org.opportune.salespeople.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opportune.persistence.SchemaMigrations;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonValues;
import org.opportune.persistence.ThreadCallerContext;

/** A SALESPERSON table of a release before 2.0 gets the new columns, and its rows keep working. */
public class SalespersonTableUpgradeTest {
    private EmbeddedDataSource dataSource;
    private SalespersonServiceImpl service;

    @Before
    public void start() throws SQLException {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        execute("CREATE TABLE SALESPERSON (CODE VARCHAR(20) NOT NULL PRIMARY KEY, NAME VARCHAR(50) NOT NULL,"
                + " EMAIL VARCHAR(80), PHONE VARCHAR(30), JOB_TITLE VARCHAR(30), COMMISSION_PERCENT DECIMAL(8,5),"
                + " BLOCKED SMALLINT NOT NULL, VERSION BIGINT NOT NULL)");
        execute("INSERT INTO SALESPERSON VALUES ('OLD', 'Old', NULL, NULL, NULL, NULL, 0, 1)");
        service = new SalespersonServiceImpl(dataSource, new ThreadCallerContext(), new SchemaMigrations());
    }

    @After
    public void stop() {
        service.close();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    @Test
    public void anOldRowHasNoUserNameNorLastChangeUntilItChanges() {
        Salesperson old = service.get("OLD");
        assertNull(old.userName());
        assertNull(old.changedBy());
        assertNull(old.changedAt());
        assertNull(service.update("OLD", SalespersonValues.from(old).build(), 1L).changedBy()); // nothing changed
        Salesperson changed = service.update("OLD", SalespersonValues.from(old).userName("olga").build(), 1L);
        assertEquals("olga", changed.userName());
        assertEquals("system", changed.changedBy());
    }

    @Test
    public void theDatabaseRefusesATakenUserNameToo() throws SQLException {
        service.create("NEW", SalespersonValues.builder().name("New").build()); // two nulls are fine
        execute("UPDATE SALESPERSON SET USER_NAME = 'anna' WHERE CODE = 'OLD'");
        SQLException taken = assertThrows(SQLException.class,
                () -> execute("UPDATE SALESPERSON SET USER_NAME = 'anna' WHERE CODE = 'NEW'"));
        assertEquals("23505", taken.getSQLState());
    }
}
