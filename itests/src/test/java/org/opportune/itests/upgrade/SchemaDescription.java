package org.opportune.itests.upgrade;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A database schema as lines of text, read through JDBC: tables, columns (type, size, scale, nullability,
 * default), primary keys, indexes (name, uniqueness, columns with their order), sequences and, on PostgreSQL, the
 * planner's extended statistics, sorted, names in upper case. Names the database generated (Derby's {@code SQL…}
 * constraints and their indexes) are left out of the lines, as two databases never generate the same ones; what
 * they stand for is still compared.
 */
public final class SchemaDescription {

    private SchemaDescription() {
    }

    public static List<String> of(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = meta.getTables(null, schema, null, new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        for (String table : tables) {
            String name = upper(table);
            lines.add("table " + name);
            try (ResultSet columns = meta.getColumns(null, schema, table, null)) {
                while (columns.next()) {
                    lines.add("column " + name + "." + upper(columns.getString("COLUMN_NAME")) + " "
                            + columns.getString("TYPE_NAME") + "(" + columns.getInt("COLUMN_SIZE") + ","
                            + columns.getInt("DECIMAL_DIGITS") + ")"
                            + (columns.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " not null" : "")
                            + (columns.getString("COLUMN_DEF") == null ? "" : " default " + columns.getString("COLUMN_DEF")));
                }
            }
            Map<Short, String> keyColumns = new TreeMap<>();
            try (ResultSet key = meta.getPrimaryKeys(null, schema, table)) {
                while (key.next()) {
                    keyColumns.put(key.getShort("KEY_SEQ"), upper(key.getString("COLUMN_NAME")));
                }
            }
            lines.add("primary key " + name + " " + keyColumns.values());
            Map<String, Map<Short, String>> indexes = new TreeMap<>();
            try (ResultSet index = meta.getIndexInfo(null, schema, table, false, false)) {
                while (index.next()) {
                    if (index.getString("INDEX_NAME") == null) {
                        continue; // table statistics
                    }
                    String indexName = upper(index.getString("INDEX_NAME"));
                    String label = (index.getBoolean("NON_UNIQUE") ? "index " : "unique index ") + name + "."
                            + (indexName.matches("SQL\\d+") ? "<generated>" : indexName);
                    indexes.computeIfAbsent(label + " " + indexName, k -> new TreeMap<>()).put(
                            index.getShort("ORDINAL_POSITION"),
                            upper(index.getString("COLUMN_NAME")) + ("D".equals(index.getString("ASC_OR_DESC")) ? " DESC" : ""));
                }
            }
            indexes.forEach((label, columns) -> lines.add(label.substring(0, label.lastIndexOf(' ')) + " " + columns.values()));
        }
        lines.addAll(sequences(connection));
        lines.addAll(extendedStatistics(connection));
        lines.sort(null);
        return lines;
    }

    private static List<String> sequences(Connection connection) throws SQLException {
        boolean derby = connection.getMetaData().getDatabaseProductName().contains("Derby");
        String query = derby
                ? "SELECT SEQUENCENAME, SEQUENCEDATATYPE, INCREMENT FROM SYS.SYSSEQUENCES Q JOIN SYS.SYSSCHEMAS S"
                        + " ON Q.SCHEMAID = S.SCHEMAID WHERE S.SCHEMANAME = CURRENT SCHEMA"
                : "SELECT sequence_name, data_type, increment FROM information_schema.sequences"
                        + " WHERE sequence_schema = current_schema()";
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                lines.add("sequence " + upper(rows.getString(1)) + " " + rows.getString(2).trim() + " increment "
                        + rows.getString(3));
            }
        }
        return lines;
    }

    private static List<String> extendedStatistics(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        if (connection.getMetaData().getDatabaseProductName().contains("Derby")) {
            return lines;
        }
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT stxname, pg_get_statisticsobjdef_columns(oid) FROM pg_statistic_ext"
                        + " WHERE stxnamespace = current_schema()::regnamespace")) {
            while (rows.next()) {
                lines.add("statistics " + upper(rows.getString(1)) + " " + upper(rows.getString(2)));
            }
        }
        return lines;
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
