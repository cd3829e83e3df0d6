package org.opportune.benchmark;

/**
 * Where the hand-written SQL of the report benchmark differs between the databases: the modules' Liquibase change
 * sets make booleans SMALLINT (0/1) on Derby and BOOLEAN on PostgreSQL, and the two spell date literals and
 * month arithmetic differently.
 */
enum SqlDialect {
    DERBY {
        @Override
        String date(String iso) {
            return "DATE('" + iso + "')";
        }

        @Override
        String isFalse(String column) {
            return column + " = 0";
        }

        @Override
        String month(String column) {
            return "YEAR(" + column + "), MONTH(" + column + ")";
        }
    },
    POSTGRES {
        @Override
        String date(String iso) {
            return "DATE '" + iso + "'";
        }

        @Override
        String isFalse(String column) {
            return "NOT " + column;
        }

        @Override
        String month(String column) {
            // of a timestamp without time zone: a date alone would be truncated as a timestamp with time zone,
            // which is slower (the session's time zone is applied to every row)
            return "DATE_TRUNC('month', CAST(" + column + " AS TIMESTAMP))";
        }
    };

    /** A date literal, e.g. {@code 2024-06-30}. */
    abstract String date(String iso);

    /** The condition that a boolean column is false. */
    abstract String isFalse(String column);

    /** The expression(s) a query groups by to have one group per calendar month of a date column. */
    abstract String month(String column);
}
