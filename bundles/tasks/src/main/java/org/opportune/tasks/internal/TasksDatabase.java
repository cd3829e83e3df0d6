package org.opportune.tasks.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.opportune.persistence.JpaUnit;
import org.opportune.persistence.SchemaMigrations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The module's persistence unit ({@code opportune-tasks}), shared by its services, and the SQL that draws the next
 * task number on the database it runs on. Its start applies the module's changelog, so whatever references it finds
 * the tables in place.
 */
@Component(service = TasksDatabase.class)
public class TasksDatabase {
    private final JpaUnit jpa;
    private final String nextTaskNumberSql;

    @Activate
    public TasksDatabase(@Reference(target = "(dataSourceName=opportune)") DataSource dataSource,
            @Reference SchemaMigrations migrations) {
        this.jpa = new JpaUnit("opportune-tasks", dataSource, TasksDatabase.class.getClassLoader(), migrations);
        this.nextTaskNumberSql = nextTaskNumberSql(productName(dataSource));
    }

    @Deactivate
    public void close() {
        jpa.close();
    }

    JpaUnit jpa() {
        return jpa;
    }

    /** @return the statement whose one row and column is the next value of the sequence {@code TASK_NO} */
    String nextTaskNumberSql() {
        return nextTaskNumberSql;
    }

    static String nextTaskNumberSql(String databaseProductName) {
        String product = databaseProductName.toLowerCase(Locale.ROOT);
        if (product.contains("derby")) {
            return "VALUES NEXT VALUE FOR TASK_NO";
        }
        if (product.contains("postgres")) {
            return "SELECT nextval('task_no')";
        }
        throw new IllegalStateException("task numbers are drawn on Derby and PostgreSQL only, not on "
                + databaseProductName);
    }

    private static String productName(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the tasks are kept in", e);
        }
    }
}
