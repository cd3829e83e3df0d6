package org.opportune.itests;

import org.opportune.itests.postgres.PostgresOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;

/** {@link TasksIT} on PostgreSQL: the same tests, the distribution's DataSource on a new database of the test server. */
public class TasksPostgresIT extends TasksIT {

    @Override
    protected Option[] additionalOptions() {
        return OptionUtils.combine(super.additionalOptions(), PostgresOptions.dataSource());
    }
}
