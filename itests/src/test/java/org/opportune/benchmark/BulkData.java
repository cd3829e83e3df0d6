package org.opportune.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The report benchmark's data set, written straight into the opportunities module's tables with JDBC batches (the
 * setup records — salespeople, companies, cycles, close codes — are created over REST first). Deterministic per
 * opportunity: opportunity {@code i} draws from its own random generator (seeded from the fixed seed and {@code i})
 * and owns the entry numbers {@code i * ENTRY_SLOTS + 1 …}, so loading [0, 300k) at once or as [0, 100k) then
 * [100k, 300k) writes the same rows (the scale curve loads in steps). Consistent with DOMAIN §3–§4: started
 * opportunities walk their cycle's stages with one entry per move, days open between entries, the last entry active;
 * closed ones end with a closing entry (stage 0); values as MULTIPLY computes them. About 2.9 entries per opportunity.
 */
final class BulkData {
    static final int CYCLES = 4;
    static final int STAGES = 5;
    static final int SALESPEOPLE = 50;
    static final int COMPANIES = 200;
    static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    private static final int BATCH = 5_000;
    private static final long SEED = 1_000_003L;
    /** Entry numbers per opportunity: at most STAGES entries and a closing one; ascending in the order written. */
    private static final long ENTRY_SLOTS = 8;

    private BulkData() {
    }

    static String cycle(int index) {
        return "BC" + (index + 1);
    }

    static String salesperson(int index) {
        return String.format("SP%02d", index + 1);
    }

    static String opportunity(int index) {
        return String.format("BM%07d", index + 1);
    }

    /** Completed % and chances % of stage {@code stage} (1-based) of every benchmark cycle. */
    static BigDecimal completed(int stage) {
        return BigDecimal.valueOf(stage * 18L);
    }

    static BigDecimal chances(int stage) {
        return BigDecimal.valueOf(10L + stage * 15L);
    }

    /** The setup created over REST before the load. */
    static void createSetup(RestApi api, List<String> companyNos) throws Exception {
        for (int i = 0; i < SALESPEOPLE; i++) {
            api.create("salespeople", Map.of("code", salesperson(i), "name", "Seller " + (i + 1)));
        }
        for (int c = 0; c < CYCLES; c++) {
            List<Map<String, Object>> stages = new java.util.ArrayList<>();
            for (int s = 1; s <= STAGES; s++) {
                stages.add(Map.of("stage", s, "description", "Stage " + s, "completedPercent", completed(s),
                        "chancesOfSuccessPercent", chances(s), "dateFormula", "2W", "allowSkip", s > 1 && s < STAGES));
            }
            api.create("sales-cycles", Map.of("code", cycle(c), "description", "Benchmark cycle " + (c + 1),
                    "stages", stages));
        }
        api.create("close-codes", Map.of("code", "BWON", "type", "WON", "description", "Won"));
        api.create("close-codes", Map.of("code", "BPRICE", "type", "LOST", "description", "Price"));
        api.create("close-codes", Map.of("code", "BCOMP", "type", "LOST", "description", "Competitor"));
        for (int i = 0; i < COMPANIES; i++) {
            companyNos.add(api.create("contacts", Map.of("type", "COMPANY", "name", "Company " + (i + 1),
                    "salespersonCode", salesperson(i % SALESPEOPLE))).path("no").asText());
        }
    }

    /**
     * Writes the opportunities with the indexes {@code [from, to)} and their entries (the same rows whatever steps
     * the range is loaded in); returns the number of entries. The caller updates the statistics afterwards.
     */
    static long load(Connection connection, int from, int to, List<String> companyNos) throws SQLException {
        connection.setAutoCommit(false);
        long written = 0;
        try (PreparedStatement opportunities = connection.prepareStatement("INSERT INTO OPPORTUNITY (OPP_NO,"
                + " DESCRIPTION, CONTACT_NO, CONTACT_COMPANY_NO, SALESPERSON_CODE, SALES_CYCLE_CODE, PRIORITY,"
                + " CREATION_DATE, STATUS, CLOSED, DATE_CLOSED, CURRENT_STAGE, ESTIMATED_VALUE,"
                + " CALCULATED_CURRENT_VALUE, CHANCES_OF_SUCCESS_PERCENT, COMPLETED_PERCENT, PROBABILITY_PERCENT,"
                + " ESTIMATED_CLOSE_DATE, CLOSE_CODE, LAST_DATE_OF_CHANGE, ACTIVE_ENTRY_NO, VERSION)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'NORMAL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement entries = connection.prepareStatement("INSERT INTO OPPORTUNITY_ENTRY (ENTRY_NO,"
                        + " OPP_NO, SALES_CYCLE_CODE, STAGE, STAGE_DESCRIPTION, PREVIOUS_STAGE, ACTION_TAKEN,"
                        + " DATE_OF_CHANGE, ACTIVE, DAYS_OPEN, DATE_CLOSED, ESTIMATED_VALUE, CALCULATED_CURRENT_VALUE,"
                        + " COMPLETED_PERCENT, CHANCES_OF_SUCCESS_PERCENT, PROBABILITY_PERCENT, ESTIMATED_CLOSE_DATE,"
                        + " CLOSE_CODE, CONTACT_NO, CONTACT_COMPANY_NO, SALESPERSON_CODE, VALID_TO)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (int i = from; i < to; i++) {
                SplittableRandom random = new SplittableRandom(SEED * 1_000_000_007L + i);
                long entryNo = i * ENTRY_SLOTS;
                String no = opportunity(i);
                String cycle = cycle(i % CYCLES);
                String salesperson = salesperson(random.nextInt(SALESPEOPLE));
                String company = companyNos.get(random.nextInt(companyNos.size()));
                LocalDate created = FIRST_DAY.plusDays(random.nextInt(700));
                BigDecimal value = BigDecimal.valueOf((1 + random.nextInt(200)) * 500L);
                int roll = random.nextInt(100);
                String status = roll < 10 ? "NOT_STARTED" : roll < 60 ? "IN_PROGRESS" : roll < 85 ? "WON" : "LOST";
                boolean closed = status.equals("WON") || status.equals("LOST");
                int reached = status.equals("NOT_STARTED") ? 0 : 1 + random.nextInt(closed ? STAGES : STAGES - 1);

                LocalDate date = created;
                int stage = 0;
                BigDecimal probability = null;
                BigDecimal current = null;
                LocalDate closeDate = null;
                String closeCode = null;
                long activeEntry = 0;
                for (int step = 1; step <= reached + (closed ? 1 : 0); step++) {
                    boolean closing = step > reached;
                    boolean last = step == reached + (closed ? 1 : 0);
                    int days = last ? 0 : 1 + random.nextInt(20);
                    int previous = stage;
                    entries.setLong(1, ++entryNo);
                    entries.setString(2, no);
                    entries.setString(3, cycle);
                    if (closing) {
                        stage = 0;
                        closeDate = date;
                        closeCode = status.equals("WON") ? "BWON" : random.nextBoolean() ? "BPRICE" : "BCOMP";
                        BigDecimal hundred = BigDecimal.valueOf(100);
                        probability = status.equals("WON") ? hundred : BigDecimal.ZERO;
                        current = status.equals("WON") ? value : BigDecimal.ZERO;
                        entries.setInt(4, 0);
                        entries.setNull(5, Types.VARCHAR);
                        entries.setInt(6, previous);
                        entries.setString(7, status);
                        entries.setBigDecimal(14, probability);
                        entries.setBigDecimal(15, probability);
                    } else {
                        stage = step;
                        probability = completed(stage).multiply(chances(stage)).divide(BigDecimal.valueOf(100));
                        current = value.multiply(probability).divide(BigDecimal.valueOf(100), 2,
                                RoundingMode.HALF_UP);
                        entries.setInt(4, stage);
                        entries.setString(5, "Stage " + stage);
                        if (previous == 0) {
                            entries.setNull(6, Types.INTEGER);
                        } else {
                            entries.setInt(6, previous);
                        }
                        entries.setString(7, step == 1 ? "NONE" : "NEXT");
                        entries.setBigDecimal(14, completed(stage));
                        entries.setBigDecimal(15, chances(stage));
                    }
                    entries.setDate(8, Date.valueOf(date));
                    entries.setBoolean(9, last);
                    entries.setInt(10, days);
                    entries.setDate(11, closing ? Date.valueOf(date) : null);
                    entries.setBigDecimal(12, value);
                    entries.setBigDecimal(13, current);
                    entries.setBigDecimal(16, probability);
                    entries.setDate(17, Date.valueOf(closing ? date : date.plusWeeks(2)));
                    entries.setString(18, closing ? closeCode : null);
                    entries.setString(19, company);
                    entries.setString(20, company);
                    entries.setString(21, salesperson);
                    // replaced by the next entry, dated days later; the last (active) one is valid still
                    entries.setDate(22, last ? null : Date.valueOf(date.plusDays(days)));
                    entries.addBatch();
                    pending++;
                    written++;
                    activeEntry = entryNo;
                    date = date.plusDays(days);
                }
                LocalDate lastChange = reached == 0 ? null : date;
                opportunities.setString(1, no);
                opportunities.setString(2, "Benchmark opportunity " + (i + 1));
                opportunities.setString(3, company);
                opportunities.setString(4, company);
                opportunities.setString(5, salesperson);
                opportunities.setString(6, cycle);
                opportunities.setDate(7, Date.valueOf(created));
                opportunities.setString(8, status);
                opportunities.setBoolean(9, closed);
                opportunities.setDate(10, closeDate == null ? null : Date.valueOf(closeDate));
                if (reached == 0) {
                    opportunities.setNull(11, Types.INTEGER);
                    for (int column = 12; column <= 16; column++) {
                        opportunities.setNull(column, Types.DECIMAL);
                    }
                    opportunities.setNull(17, Types.DATE);
                    opportunities.setNull(20, Types.BIGINT);
                } else {
                    opportunities.setInt(11, stage);
                    opportunities.setBigDecimal(12, value);
                    opportunities.setBigDecimal(13, current);
                    opportunities.setBigDecimal(14, closed ? probability : chances(stage));
                    opportunities.setBigDecimal(15, closed ? probability : completed(stage));
                    opportunities.setBigDecimal(16, probability);
                    opportunities.setDate(17, Date.valueOf(closed ? closeDate : lastChange.plusWeeks(2)));
                    opportunities.setLong(20, activeEntry);
                }
                opportunities.setString(18, closeCode);
                opportunities.setDate(19, lastChange == null ? null : Date.valueOf(lastChange));
                opportunities.setLong(21, reached + (closed ? 1 : 0) + 1L);
                opportunities.addBatch();
                pending++;
                if (pending >= BATCH) {
                    opportunities.executeBatch();
                    entries.executeBatch();
                    connection.commit();
                    pending = 0;
                }
            }
            opportunities.executeBatch();
            entries.executeBatch();
            connection.commit();
        }
        return written;
    }

    /**
     * Counts the loaded data into the stage figures as the opportunities module's migration counts existing data
     * (change set {@code stage-figures-1}): the rows are written straight into the tables, past the writes that keep
     * the counters.
     */
    static void countStageFigures(Connection connection, SqlDialect dialect) throws SQLException {
        String inactive = dialect.isFalse("e.ACTIVE");
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM STAGE_FIGURES");
            statement.executeUpdate("INSERT INTO STAGE_FIGURES (SALES_CYCLE_CODE, STAGE, SALESPERSON_CODE, SHARD,"
                    + " OPEN_COUNT, OPEN_ESTIMATED_VALUE, OPEN_CALCULATED_CURRENT_VALUE, CLOSED_ENTRIES, CLOSED_DAYS,"
                    + " ENTRIES, REACHED, REACHED_WON, REACHED_LOST)"
                    + " SELECT f.CYCLE_CODE, f.STAGE_NO, f.OWNER, 0, SUM(f.OPEN_COUNT), SUM(f.OPEN_ESTIMATED),"
                    + " SUM(f.OPEN_CURRENT), SUM(f.CLOSED_ENTRIES), SUM(f.CLOSED_DAYS), SUM(f.ENTRIES), SUM(f.REACHED),"
                    + " SUM(f.REACHED_WON), SUM(f.REACHED_LOST) FROM ("
                    + " SELECT o.SALES_CYCLE_CODE, o.CURRENT_STAGE, o.SALESPERSON_CODE, CAST(1 AS BIGINT),"
                    + " o.ESTIMATED_VALUE, o.CALCULATED_CURRENT_VALUE, CAST(0 AS BIGINT), CAST(0 AS BIGINT),"
                    + " CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(0 AS BIGINT)"
                    + " FROM OPPORTUNITY o WHERE o.STATUS = 'IN_PROGRESS'"
                    + " UNION ALL"
                    + " SELECT e.SALES_CYCLE_CODE, e.STAGE, o.SALESPERSON_CODE, CAST(0 AS BIGINT),"
                    + " CAST(0 AS DECIMAL(31,10)), CAST(0 AS DECIMAL(31,10)),"
                    + " CAST(SUM(CASE WHEN " + inactive + " THEN 1 ELSE 0 END) AS BIGINT),"
                    + " CAST(SUM(CASE WHEN " + inactive + " THEN e.DAYS_OPEN ELSE 0 END) AS BIGINT),"
                    + " CAST(COUNT(*) AS BIGINT), CAST(1 AS BIGINT),"
                    + " CAST(CASE WHEN o.STATUS = 'WON' THEN 1 ELSE 0 END AS BIGINT),"
                    + " CAST(CASE WHEN o.STATUS = 'LOST' THEN 1 ELSE 0 END AS BIGINT)"
                    + " FROM OPPORTUNITY_ENTRY e JOIN OPPORTUNITY o ON o.OPP_NO = e.OPP_NO WHERE e.STAGE > 0"
                    + " GROUP BY e.SALES_CYCLE_CODE, e.STAGE, o.SALESPERSON_CODE, o.OPP_NO, o.STATUS"
                    + ") f (CYCLE_CODE, STAGE_NO, OWNER, OPEN_COUNT, OPEN_ESTIMATED, OPEN_CURRENT, CLOSED_ENTRIES,"
                    + " CLOSED_DAYS, ENTRIES, REACHED, REACHED_WON, REACHED_LOST)"
                    + " GROUP BY f.CYCLE_CODE, f.STAGE_NO, f.OWNER");
        }
        connection.commit();
    }
}
