package org.opportune.benchmark;

import java.util.Arrays;
import java.util.LinkedHashSet;

/**
 * Where the hand-written SQL of the report benchmark differs between the databases: the modules' Liquibase change
 * sets make booleans SMALLINT (0/1) on Derby and BOOLEAN on PostgreSQL, and the two spell date literals, month
 * arithmetic and several groupings differently.
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

        @Override
        String groupings(String... columnLists) {
            // no GROUPING SETS: the finest groups, every column named once, which the reader adds up per grouping
            return String.join(", ", new LinkedHashSet<>(Arrays.stream(columnLists)
                    .flatMap(columns -> Arrays.stream(columns.split(",\\s*"))).toList()));
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

        @Override
        String groupings(String... columnLists) {
            return "GROUPING SETS ((" + String.join("), (", columnLists) + "))";
        }
    };

    /** A date literal, e.g. {@code 2024-06-30}. */
    abstract String date(String iso);

    /** The condition that a boolean column is false. */
    abstract String isFalse(String column);

    /** The expression(s) a query groups by to have one group per calendar month of a date column. */
    abstract String month(String column);

    /**
     * What follows GROUP BY to have the groups of several groupings (each a comma-separated column list) from one
     * reading of the rows.
     */
    abstract String groupings(String... columnLists);
}
