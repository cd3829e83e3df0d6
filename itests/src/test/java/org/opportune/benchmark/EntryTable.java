package org.opportune.benchmark;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns of OPPORTUNITY_ENTRY as the database has them (the opportunities module creates and extends the table),
 * so that the baseline inserts complete rows whatever columns the module has added: the columns a move sets are set
 * like the service sets them, every other column is copied from the previous entry of the opportunity.
 * <p>
 * The modules' change sets name tables and columns unquoted: Derby keeps them in upper case, PostgreSQL in lower
 * case. Here every name is upper case; {@link #qualified} spells a table as the database keeps it.
 *
 * @param schema    the schema holding the table, as the database spells it
 * @param lowerCase the database keeps unquoted names in lower case (PostgreSQL)
 * @param columns   every column but the entry no., in table order
 * @param copied    the columns copied from the previous entry unchanged
 */
record EntryTable(String schema, boolean lowerCase, List<Column> columns, List<String> copied) {

    static final String TABLE = "OPPORTUNITY_ENTRY";
    /** The key: numbered from the sequence {@link #SEQUENCE}, {@link #NUMBERS_PER_FETCH} numbers at a time. */
    static final String KEY = "ENTRY_NO";
    static final String SEQUENCE = "OPPORTUNITY_ENTRY_NO";
    /**
     * As the module's {@code @SequenceGenerator(allocationSize)}: the sequence's increment. One number per entry,
     * drawn after the opportunity's row lock, so that its entries ascend in the order they are written on any node.
     */
    static final int NUMBERS_PER_FETCH = 1;

    /** The columns a move sets itself (from the opportunity, its cycle stage and the computed values). */
    static final Set<String> SET_BY_MOVE = Set.of("OPP_NO", "SALES_CYCLE_CODE", "STAGE", "STAGE_DESCRIPTION",
            "PREVIOUS_STAGE", "ACTION_TAKEN", "DATE_OF_CHANGE", "ACTIVE", "DAYS_OPEN", "DATE_CLOSED",
            "ESTIMATED_VALUE", "CALCULATED_CURRENT_VALUE", "COMPLETED_PERCENT", "CHANCES_OF_SUCCESS_PERCENT",
            "PROBABILITY_PERCENT", "ESTIMATED_CLOSE_DATE", "CLOSE_CODE", "CONTACT_NO", "CONTACT_COMPANY_NO",
            "SALESPERSON_CODE", "CHANGED_BY", "CHANGED_AT");

    /**
     * @param name    upper case
     * @param sqlType from {@link java.sql.Types}
     */
    record Column(String name, int sqlType, boolean nullable) {
    }

    static EntryTable read(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        boolean lowerCase = metaData.storesLowerCaseIdentifiers();
        String schema = null;
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = metaData.getColumns(null, null, lowerCase ? TABLE.toLowerCase(Locale.ROOT) : TABLE,
                null)) {
            while (rs.next()) {
                if (schema != null && !schema.equals(rs.getString("TABLE_SCHEM"))) {
                    throw new IllegalStateException(TABLE + " exists in two schemas: " + schema + " and "
                            + rs.getString("TABLE_SCHEM"));
                }
                schema = rs.getString("TABLE_SCHEM");
                String name = rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT);
                if (KEY.equals(name)) {
                    continue; // set first, from the sequence
                }
                columns.add(new Column(name, rs.getInt("DATA_TYPE"),
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
            }
        }
        if (schema == null) {
            throw new IllegalStateException("the database has no table " + TABLE);
        }
        Set<String> names = columns.stream().map(Column::name).collect(Collectors.toSet());
        List<String> missing = SET_BY_MOVE.stream().filter(name -> !names.contains(name)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(TABLE + " lacks the columns " + missing + " a move writes");
        }
        List<String> copied = columns.stream().map(Column::name).filter(name -> !SET_BY_MOVE.contains(name)).toList();
        return new EntryTable(schema, lowerCase, List.copyOf(columns), copied);
    }

    /** {@code "SCHEMA"."TABLE"} as the database spells them; the same for a sequence. */
    String qualified(String table) {
        return '"' + schema + "\".\"" + (lowerCase ? table.toLowerCase(Locale.ROOT) : table) + '"';
    }

    String insertSql() {
        return "INSERT INTO " + qualified(TABLE) + " (" + KEY + ", "
                + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ") VALUES (?, "
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    String describe() {
        long notNull = columns.stream().filter(c -> !c.nullable()).count();
        return TABLE + " in schema " + schema + ": " + (columns.size() + 1) + " columns (" + KEY + " from sequence " + SEQUENCE + " by "
                + NUMBERS_PER_FETCH + ", "
                + notNull + " NOT NULL), copied from the previous entry: " + (copied.isEmpty() ? "none" : copied);
    }
}
