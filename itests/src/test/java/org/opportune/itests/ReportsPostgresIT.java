package org.opportune.itests;

import org.opportune.itests.postgres.PostgresOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;

/**
 * {@link ReportsIT} on PostgreSQL: the same tests, with the distribution's DataSource pointed at a database of
 * the throw-away server the tests start themselves ({@link org.opportune.itests.postgres.PostgresServer}).
 */
public class ReportsPostgresIT extends ReportsIT {

    @Override
    protected Option[] additionalOptions() {
        return OptionUtils.combine(super.additionalOptions(), PostgresOptions.dataSource());
    }
}
