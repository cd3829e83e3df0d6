package org.opportune.tasks.internal;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Test;
import org.opportune.api.PageRequest;
import org.opportune.api.task.Activity;
import org.opportune.persistence.SchemaMigrations;
import org.opportune.persistence.ThreadCallerContext;
import org.opportune.persistence.testing.ChangelogSchema;

/**
 * The change set {@code tasks-2}: in a database whose stages name activity codes already, every code becomes a
 * step-less activity; a new database gets none.
 */
public class UpgradeTest {

    @Test
    public void theTasksChangelogKeepsToLiquibasesSchema() {
        ChangelogSchema.assertValid(getClass().getClassLoader(), SchemaMigrations.changelogOf("opportune-tasks"));
    }

    private static EmbeddedDataSource database() {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        return dataSource;
    }

    private static List<Activity> activitiesOf(EmbeddedDataSource dataSource) {
        TasksDatabase database = new TasksDatabase(dataSource, new SchemaMigrations());
        try {
            return new ActivityServiceImpl(database, new ThreadCallerContext()).list(null, PageRequest.first())
                    .items();
        } finally {
            database.close();
        }
    }

    @Test
    public void everyCodeTheStagesNameBecomesAStepLessActivity() throws SQLException {
        EmbeddedDataSource dataSource = database();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE SALES_CYCLE_STAGE (SALES_CYCLE_CODE VARCHAR(10) NOT NULL,"
                    + " STAGE INTEGER NOT NULL, ACTIVITY_CODE VARCHAR(10), PRIMARY KEY (SALES_CYCLE_CODE, STAGE))");
            statement.execute("INSERT INTO SALES_CYCLE_STAGE VALUES ('STD', 1, 'QUALIFY'), ('STD', 2, 'WORKSHOP'),"
                    + " ('STD', 3, NULL), ('BIG', 1, 'QUALIFY'), ('BIG', 2, '')");
        }
        List<Activity> upgraded = activitiesOf(dataSource);
        assertEquals(List.of("QUALIFY", "WORKSHOP"), upgraded.stream().map(Activity::code).toList());
        for (Activity activity : upgraded) {
            assertEquals("Created by the upgrade for a sales cycle stage", activity.description());
            assertEquals(List.of(), activity.steps());
            assertEquals(1L, activity.version());
            assertEquals("system", activity.changedBy());
        }
        assertEquals("the change set runs once", upgraded, activitiesOf(dataSource));
    }

    @Test
    public void aNewDatabaseHasNoActivity() {
        assertEquals(List.of(), activitiesOf(database()));
    }
}
