package org.opportune.benchmark;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the history must look like after a phase, read straight from the tables: every benchmark opportunity has
 * exactly one active entry, it is the one the opportunity points at and at its current stage, the number of entries
 * grew by exactly the number of successful moves (no lost or phantom write), and every entry at a stage that names
 * the activity has exactly one task per step, no other entry any (DOMAIN §10: all the benchmark's moves into such
 * a stage are NEXT or PREVIOUS, which make tasks); and the stage figures the moves kept as counters are what the
 * opportunities and their entries define.
 *
 * @param entries         the entries of the benchmark's opportunities
 * @param activityEntries those of them at a stage that names the activity
 * @param tasks           the tasks of the benchmark's opportunities
 * @param lastEntryNo     the highest entry number of the benchmark's opportunities (0 for none)
 * @param problems        what is wrong, empty when all is well
 */
record Integrity(long entries, long activityEntries, long tasks, long lastEntryNo, List<String> problems) {

    /** The columns of a move's entry that do not depend on when or by which phase it was written. */
    private static final String ENTRY_SHAPE = "ACTION_TAKEN, STAGE, STAGE_DESCRIPTION, PREVIOUS_STAGE, DAYS_OPEN,"
            + " ESTIMATED_VALUE, CALCULATED_CURRENT_VALUE, COMPLETED_PERCENT, CHANCES_OF_SUCCESS_PERCENT,"
            + " PROBABILITY_PERCENT, CLOSE_CODE, DATE_CLOSED, SALES_CYCLE_CODE, SALESPERSON_CODE, CONTACT_NO,"
            + " CONTACT_COMPANY_NO, CHANGED_BY, CASE WHEN CHANGED_AT IS NULL THEN 0 ELSE 1 END";
    /** The same for a task. */
    private static final String TASK_SHAPE = "TYPE, DESCRIPTION, PRIORITY, STATUS, SALESPERSON_CODE, CONTACT_NO,"
            + " OPPORTUNITY_NO, ACTIVITY_CODE, STEP, DATE_COMPLETED, VERSION, CHANGED_BY,"
            + " CASE WHEN CHANGED_AT IS NULL THEN 0 ELSE 1 END";

    /**
     * @param activityStages the stages that name the activity (empty: no task may exist)
     * @param steps          the tasks a move into one of them makes
     */
    static Integrity check(Connection connection, EntryTable table, List<String> opportunityNos,
            List<Integer> activityStages, int steps) throws SQLException {
        List<String> problems = new ArrayList<>();
        long entries = 0;
        long activityEntries = 0;
        long tasks = 0;
        long lastEntryNo = 0;
        String entry = table.qualified(EntryTable.TABLE);
        String atActivity = activityStages.isEmpty() ? "1 = 0" : "e.STAGE IN ("
                + activityStages.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*),"
                + " SUM(CASE WHEN e.ACTIVE = ? THEN 1 ELSE 0 END), SUM(CASE WHEN " + atActivity
                + " THEN 1 ELSE 0 END), MAX(e.ENTRY_NO) FROM " + entry + " e WHERE e.OPP_NO = ?");
                PreparedStatement pointer = connection.prepareStatement("SELECT o.CURRENT_STAGE, e.STAGE, e.ACTIVE"
                        + " FROM " + table.qualified("OPPORTUNITY") + " o LEFT JOIN " + entry
                        + " e ON e.ENTRY_NO = o.ACTIVE_ENTRY_NO WHERE o.OPP_NO = ?");
                PreparedStatement taskCount = connection.prepareStatement("SELECT COUNT(*),"
                        + " COUNT(DISTINCT t.OPPORTUNITY_ENTRY_NO) FROM " + table.qualified("TASK")
                        + " t WHERE t.OPPORTUNITY_NO = ?")) {
            for (String no : opportunityNos) {
                count.setBoolean(1, true);
                count.setString(2, no);
                long atActivityStages;
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    entries += rs.getLong(1);
                    if (rs.getLong(2) != 1) {
                        problems.add(no + " has " + rs.getLong(2) + " active entries");
                    }
                    atActivityStages = rs.getLong(3);
                    activityEntries += atActivityStages;
                    lastEntryNo = Math.max(lastEntryNo, rs.getLong(4));
                }
                pointer.setString(1, no);
                try (ResultSet rs = pointer.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(3) || rs.getInt(1) != rs.getInt(2)) {
                        problems.add(no + ": the opportunity's active entry is missing, inactive or at another stage");
                    }
                }
                taskCount.setString(1, no);
                try (ResultSet rs = taskCount.executeQuery()) {
                    rs.next();
                    tasks += rs.getLong(1);
                    if (rs.getLong(1) != steps * atActivityStages || rs.getLong(2) != atActivityStages) {
                        problems.add(no + " has " + rs.getLong(1) + " tasks of " + rs.getLong(2) + " entries, but "
                                + atActivityStages + " entries at the activity's stages of " + steps + " steps");
                    }
                }
            }
        }
        problems.addAll(stageFigureProblems(connection, table));
        connection.commit();
        return new Integrity(entries, activityEntries, tasks, lastEntryNo, List.copyOf(problems));
    }

    /**
     * The stage figures the moves kept as counters, per stage, against what the opportunities and their entries
     * define: open opportunities and their estimated value, inactive entries and their days, entries, opportunities
     * that reached the stage.
     */
    private static List<String> stageFigureProblems(Connection connection, EntryTable table) throws SQLException {
        String entry = table.qualified(EntryTable.TABLE);
        Map<Integer, List<String>> defined = new TreeMap<>();
        Map<Integer, List<String>> counted = new TreeMap<>();
        try (PreparedStatement open = connection.prepareStatement("SELECT CURRENT_STAGE, COUNT(*),"
                + " SUM(ESTIMATED_VALUE) FROM " + table.qualified("OPPORTUNITY") + " WHERE STATUS = 'IN_PROGRESS'"
                + " GROUP BY CURRENT_STAGE");
                PreparedStatement entries = connection.prepareStatement("SELECT STAGE,"
                        + " SUM(CASE WHEN ACTIVE = ? THEN 1 ELSE 0 END), SUM(CASE WHEN ACTIVE = ? THEN DAYS_OPEN ELSE 0"
                        + " END), COUNT(*), COUNT(DISTINCT OPP_NO) FROM " + entry + " WHERE STAGE > 0 GROUP BY STAGE");
                PreparedStatement counters = connection.prepareStatement("SELECT STAGE, SUM(OPEN_COUNT),"
                        + " SUM(OPEN_ESTIMATED_VALUE), SUM(CLOSED_ENTRIES), SUM(CLOSED_DAYS), SUM(ENTRIES), SUM(REACHED)"
                        + " FROM " + table.qualified("STAGE_FIGURES") + " GROUP BY STAGE")) {
            entries.setBoolean(1, false);
            entries.setBoolean(2, false);
            for (List<String> row : rows(open)) {
                List<String> figures = defined.computeIfAbsent(Integer.valueOf(row.get(0)), stage -> zeros(6));
                figures.set(0, row.get(1));
                figures.set(1, row.get(2));
            }
            for (List<String> row : rows(entries)) {
                List<String> figures = defined.computeIfAbsent(Integer.valueOf(row.get(0)), stage -> zeros(6));
                for (int i = 1; i <= 4; i++) {
                    figures.set(i + 1, row.get(i));
                }
            }
            for (List<String> row : rows(counters)) {
                counted.put(Integer.valueOf(row.get(0)), new ArrayList<>(row.subList(1, 7)));
            }
        }
        return defined.equals(counted) ? List.of()
                : List.of("the stage figures (per stage: open, open EV, inactive entries, their days, entries,"
                        + " opportunities that reached it) are " + counted + ", the entries say " + defined);
    }

    /** The rows, each value as a plain number without trailing zeros. */
    private static List<List<String>> rows(PreparedStatement query) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    BigDecimal value = rs.getBigDecimal(i);
                    row.add(value == null ? "0" : value.stripTrailingZeros().toPlainString());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> zeros(int count) {
        return new ArrayList<>(java.util.Collections.nCopies(count, "0"));
    }

    /** Adds a problem when the entries did not grow by the successful moves. */
    Integrity expectGrowth(long entriesBefore, long moves, String phase) {
        if (entries - entriesBefore == moves) {
            return this;
        }
        List<String> all = new ArrayList<>(problems);
        all.add(phase + " reported " + moves + " successful moves but " + (entries - entriesBefore)
                + " entries were written");
        return new Integrity(entries, activityEntries, tasks, lastEntryNo, List.copyOf(all));
    }

    /** The tasks written since {@code before}. */
    long tasksSince(Integrity before) {
        return tasks - before.tasks;
    }

    /**
     * Compares what the two phases wrote, column by column, leaving out keys, dates and times: every kind of entry
     * row and task row the JDBC phase wrote (entries after {@code lastRestEntryNo}) must be one the REST phase wrote
     * too (the REST phase, with its long warm-up, has written every kind the cycle allows). Entries of moves only
     * (NEXT, PREVIOUS), not the activations of the set-up.
     *
     * @return the problems, and a summary as the last line
     */
    static List<String> compareRows(Connection connection, EntryTable table, List<String> opportunityNos,
            long lastRestEntryNo) throws SQLException {
        String nos = opportunityNos.stream().map(no -> "'" + no.replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        String entries = "SELECT DISTINCT " + ENTRY_SHAPE + " FROM " + table.qualified(EntryTable.TABLE)
                + " WHERE OPP_NO IN (" + nos + ") AND ACTION_TAKEN IN ('NEXT', 'PREVIOUS') AND ENTRY_NO > ?"
                + " AND ENTRY_NO <= ?";
        String tasks = "SELECT DISTINCT " + TASK_SHAPE + " FROM " + table.qualified("TASK")
                + " WHERE OPPORTUNITY_NO IN (" + nos + ") AND OPPORTUNITY_ENTRY_NO > ? AND OPPORTUNITY_ENTRY_NO <= ?";
        List<String> lines = new ArrayList<>();
        String summary = "";
        for (String[] kind : List.of(new String[] {"entry", entries}, new String[] {"task", tasks})) {
            Set<List<Object>> rest = distinct(connection, kind[1], 0, lastRestEntryNo);
            Set<List<Object>> jdbc = distinct(connection, kind[1], lastRestEntryNo, Long.MAX_VALUE);
            Set<List<Object>> jdbcOnly = new LinkedHashSet<>(jdbc);
            jdbcOnly.removeAll(rest);
            for (List<Object> row : jdbcOnly) {
                lines.add("the JDBC phase wrote a " + kind[0] + " row the REST phase never did: " + row);
            }
            summary += (summary.isEmpty() ? "" : "; ") + kind[0] + " rows: " + rest.size() + " kinds by REST, "
                    + jdbc.size() + " by JDBC, " + jdbcOnly.size() + " of them unlike REST's";
        }
        connection.commit();
        lines.add(summary);
        return lines;
    }

    private static Set<List<Object>> distinct(Connection connection, String sql, long after, long upTo)
            throws SQLException {
        Set<List<Object>> rows = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, after);
            statement.setLong(2, upTo);
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        row.add(value instanceof BigDecimal d ? d.stripTrailingZeros() : value);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
