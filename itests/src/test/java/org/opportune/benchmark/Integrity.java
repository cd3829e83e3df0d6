package org.opportune.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the history must look like after a phase, read straight from the tables: every benchmark opportunity has
 * exactly one active entry, it is the one the opportunity points at and at its current stage, and the number of
 * entries grew by exactly the number of successful moves (no lost or phantom write).
 *
 * @param entries  the entries of the benchmark's opportunities
 * @param problems what is wrong, empty when all is well
 */
record Integrity(long entries, List<String> problems) {

    static Integrity check(Connection connection, EntryTable table, List<String> opportunityNos) throws SQLException {
        List<String> problems = new ArrayList<>();
        long entries = 0;
        String entry = table.qualified(EntryTable.TABLE);
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*),"
                + " SUM(CASE WHEN e.ACTIVE = ? THEN 1 ELSE 0 END) FROM " + entry + " e WHERE e.OPP_NO = ?");
                PreparedStatement pointer = connection.prepareStatement("SELECT o.CURRENT_STAGE, e.STAGE, e.ACTIVE"
                        + " FROM " + table.qualified("OPPORTUNITY") + " o LEFT JOIN " + entry
                        + " e ON e.ENTRY_NO = o.ACTIVE_ENTRY_NO WHERE o.OPP_NO = ?")) {
            for (String no : opportunityNos) {
                count.setBoolean(1, true);
                count.setString(2, no);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    entries += rs.getLong(1);
                    if (rs.getLong(2) != 1) {
                        problems.add(no + " has " + rs.getLong(2) + " active entries");
                    }
                }
                pointer.setString(1, no);
                try (ResultSet rs = pointer.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(3) || rs.getInt(1) != rs.getInt(2)) {
                        problems.add(no + ": the opportunity's active entry is missing, inactive or at another stage");
                    }
                }
            }
        }
        connection.commit();
        return new Integrity(entries, List.copyOf(problems));
    }

    /** Adds a problem when the entries did not grow by the successful moves. */
    Integrity expectGrowth(long entriesBefore, long moves, String phase) {
        if (entries - entriesBefore == moves) {
            return this;
        }
        List<String> all = new ArrayList<>(problems);
        all.add(phase + " reported " + moves + " successful moves but " + (entries - entriesBefore)
                + " entries were written");
        return new Integrity(entries, List.copyOf(all));
    }
}
