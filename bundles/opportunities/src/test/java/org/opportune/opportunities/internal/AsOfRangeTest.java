package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Before;
import org.junit.Test;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.statistics.SalesCycleStatistics;
import org.opportune.api.statistics.StageActivity;
import org.opportune.api.statistics.StageStatistics;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 14: an entry's VALID_TO (the date of change of the entry that replaced it) turns "as of a day" into a range.
 * The figures stay those of the definition (the last entry written by the day; entries replaced by the day), checked
 * against it day by day, with moves on the same day, a skip, a revisit and both closings; the migration's fill gives
 * what the moves write.
 */
public class AsOfRangeTest extends OpportunityTestSupport {
    private static final LocalDate JAN_9 = LocalDate.of(2024, 1, 9);
    private static final LocalDate JAN_15 = LocalDate.of(2024, 1, 15);
    private static final LocalDate JAN_20 = LocalDate.of(2024, 1, 20);
    private static final LocalDate JAN_22 = LocalDate.of(2024, 1, 22);
    private static final LocalDate JAN_25 = LocalDate.of(2024, 1, 25);

    private OpportunityStatisticsServiceImpl statistics;
    private String a;
    private String b;

    /**
     * A: stage 1 and stage 2 on Jan 10 (the same day), stage 3 on Jan 20, back to 2 on Jan 22, LOST on Jan 25.
     * B: stage 1 on Jan 10, SKIP to 3 on Jan 15, WON on Jan 20.
     */
    @Before
    public void moves() {
        statistics = new OpportunityStatisticsServiceImpl(store, modules, callers);
        clock.set(JAN_10);
        a = started().no();
        b = started().no();
        service.move(a, StageUpdate.of(OpportunityAction.NEXT), null);
        clock.set(JAN_15);
        service.move(b, StageUpdate.to(OpportunityAction.SKIP, 3), null);
        clock.set(JAN_20);
        service.move(a, stageUpdate(OpportunityAction.NEXT, null, null, d("12000"), d("55"), null), null);
        service.close(b, closing(CloseOutcome.WON, "WIN1", null, d("9000")), null);
        clock.set(JAN_22);
        service.move(a, StageUpdate.of(OpportunityAction.PREVIOUS), null);
        clock.set(JAN_25);
        service.close(a, closing(CloseOutcome.LOST, "PRICE", null, null), null);
    }

    @Test
    public void eachEntryIsValidUntilTheDateOfChangeOfTheEntryThatReplacedIt() throws SQLException {
        assertEquals("replaced on its own day; Jan 20; Jan 22; Jan 25; the closing entry stays valid",
                dates(JAN_10, JAN_20, JAN_22, JAN_25, null), validTo(a));
        assertEquals(dates(JAN_15, JAN_20, null), validTo(b));
        assertEquals("days open = VALID_TO - date of change", List.of(0, 10, 2, 3, 0), daysOpen(a));
    }

    @Test
    public void asOfEachDayTheFiguresAreThoseOfTheLastEntryWrittenByThenAndTheEntriesReplacedByThen()
            throws SQLException {
        for (LocalDate day = JAN_9; !day.isAfter(JAN_25.plusDays(1)); day = day.plusDays(1)) {
            SalesCycleStatistics asOf = statistics.salesCycle("STD", null, null, day);
            Map<Integer, long[]> open = definedOpen(day);
            Map<Integer, long[]> replaced = definedReplaced(day);
            for (StageStatistics stage : asOf.stages()) {
                long[] expected = open.getOrDefault(stage.stage(), new long[3]);
                assertEquals(day + " stage " + stage.stage() + " count", expected[0], stage.figures().count());
                assertEquals(day + " stage " + stage.stage() + " EV", 0,
                        BigDecimal.valueOf(expected[1]).compareTo(stage.figures().estimatedValue()));
                long[] days = replaced.getOrDefault(stage.stage(), new long[2]);
                BigDecimal average = days[1] == 0 ? BigDecimal.ZERO
                        : BigDecimal.valueOf(days[0]).divide(BigDecimal.valueOf(days[1]), 2, RoundingMode.HALF_UP);
                assertEquals(day + " stage " + stage.stage() + " average days", 0,
                        average.compareTo(stage.averageDays()));
            }
        }
        // the same day: A's stage 1 entry was no day's entry; its 0 days count for stage 1
        SalesCycleStatistics jan10 = statistics.salesCycle("STD", null, null, JAN_10);
        assertEquals(List.of(1L, 1L, 0L, 0L), jan10.stages().stream().map(s -> s.figures().count()).toList());
        assertNumber("0", jan10.stages().get(0).averageDays());
        SalesCycleStatistics jan15 = statistics.salesCycle("STD", null, null, JAN_15);
        assertEquals(List.of(0L, 1L, 1L, 0L), jan15.stages().stream().map(s -> s.figures().count()).toList());
        assertNumber("A 0 days, B 5", "2.5", jan15.stages().get(0).averageDays());
        SalesCycleStatistics jan25 = statistics.salesCycle("STD", null, null, JAN_25);
        assertEquals(0, jan25.open().count());
        assertEquals("as of the last day = now", List.of("2.50", "6.50", "3.50", "0.00"),
                jan25.stages().stream().map(s -> s.averageDays().toPlainString()).toList());
        assertEquals(List.of("2.50", "6.50", "3.50", "0.00"), statistics.salesCycle("STD", null, null, null)
                .stages().stream().map(s -> s.averageDays().toPlainString()).toList());
    }

    @Test
    public void stageConversionCountsTheStagesEnteredNotThoseSkipped() {
        List<StageActivity> activity = statistics.stageActivity("STD", null, null, true);
        assertEquals("A twice at stage 2", List.of(2L, 2L, 2L, 0L), activity.stream().map(StageActivity::entries)
                .toList());
        assertEquals("B skipped stage 2", List.of(2L, 1L, 2L, 0L), activity.stream()
                .map(StageActivity::opportunities).toList());
        assertEquals(List.of(1L, 0L, 1L, 0L), activity.stream().map(StageActivity::won).toList());
        assertEquals(List.of(1L, 1L, 1L, 0L), activity.stream().map(StageActivity::lost).toList());
        List<StageActivity> pipeline = statistics.stageActivity("STD", JAN_15, JAN_20, false);
        assertEquals(List.of(0L, 0L, 2L, 0L), pipeline.stream().map(StageActivity::entries).toList());
        assertEquals(List.of(0L, 0L, 0L, 0L), pipeline.stream().map(StageActivity::won).toList());
    }

    @Test
    public void theMigrationFillsWhatTheMovesWrite() throws Exception {
        List<LocalDate> a = validTo(this.a);
        List<LocalDate> b = validTo(this.b);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE OPPORTUNITY_ENTRY SET VALID_TO = NULL");
            statement.executeUpdate(migrationFill());
        }
        assertEquals(a, validTo(this.a));
        assertEquals(b, validTo(this.b));
    }

    @Test
    public void theAsOfIndexIsThere() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.getMetaData().getIndexInfo(null, null, "OPPORTUNITY_ENTRY", false, false)) {
            boolean found = false;
            while (rows.next()) {
                found |= "ENTRY_CYCLE_VALID_TO".equals(rows.getString("INDEX_NAME"));
            }
            assertTrue(found);
        }
    }

    // ---- the definition, as the statistics computed it before VALID_TO -------------------------------

    /** Stage → count, sum EV, sum CCV of the last entries written by {@code day}. */
    private static Map<Integer, long[]> definedOpen(LocalDate day) throws SQLException {
        Map<Integer, long[]> stages = new HashMap<>();
        for (Object[] row : query("SELECT x.STAGE, COUNT(*), SUM(x.ESTIMATED_VALUE), SUM(x.CALCULATED_CURRENT_VALUE)"
                + " FROM OPPORTUNITY_ENTRY x WHERE x.SALES_CYCLE_CODE = 'STD' AND x.STAGE > 0 AND x.DATE_OF_CHANGE <= ?"
                + " AND x.ENTRY_NO = (SELECT MAX(y.ENTRY_NO) FROM OPPORTUNITY_ENTRY y WHERE y.OPP_NO = x.OPP_NO"
                + " AND y.DATE_OF_CHANGE <= ?) GROUP BY x.STAGE", day, day)) {
            stages.put(((Number) row[0]).intValue(), new long[] { ((Number) row[1]).longValue(),
                    ((BigDecimal) row[2]).longValueExact(), ((BigDecimal) row[3]).longValue() });
        }
        return stages;
    }

    /** Stage → sum of days open, count of the entries a later entry replaced by {@code day}. */
    private static Map<Integer, long[]> definedReplaced(LocalDate day) throws SQLException {
        Map<Integer, long[]> stages = new HashMap<>();
        for (Object[] row : query("SELECT e.STAGE, SUM(e.DAYS_OPEN), COUNT(*) FROM OPPORTUNITY_ENTRY e"
                + " WHERE e.SALES_CYCLE_CODE = 'STD' AND e.STAGE > 0 AND e.ACTIVE = 0 AND e.DATE_OF_CHANGE <= ?"
                + " AND EXISTS (SELECT 1 FROM OPPORTUNITY_ENTRY y WHERE y.OPP_NO = e.OPP_NO AND y.ENTRY_NO > e.ENTRY_NO"
                + " AND y.DATE_OF_CHANGE <= ?) GROUP BY e.STAGE", day, day)) {
            stages.put(((Number) row[0]).intValue(), new long[] { ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue() });
        }
        return stages;
    }

    private static List<Object[]> query(String sql, LocalDate first, LocalDate second) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setDate(1, Date.valueOf(first));
            statement.setDate(2, Date.valueOf(second));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Object[] row = new Object[result.getMetaData().getColumnCount()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = result.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static List<LocalDate> validTo(String no) throws SQLException {
        List<LocalDate> dates = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection
                .prepareStatement("SELECT VALID_TO FROM OPPORTUNITY_ENTRY WHERE OPP_NO = ? ORDER BY ENTRY_NO")) {
            statement.setString(1, no);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Date date = rows.getDate(1);
                    dates.add(date == null ? null : date.toLocalDate());
                }
            }
        }
        return dates;
    }

    private List<Integer> daysOpen(String no) {
        return entries(no).stream().map(entry -> entry.daysOpen()).toList();
    }

    private static List<LocalDate> dates(LocalDate... dates) {
        return java.util.Arrays.asList(dates);
    }

    /** The UPDATE of the change set that added VALID_TO, as the changelog has it. */
    private static String migrationFill() throws Exception {
        try (InputStream changelog = AsOfRangeTest.class.getClassLoader()
                .getResourceAsStream("db/changelog/opportune-opportunities.xml")) {
            NodeList sets = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(changelog)
                    .getElementsByTagName("changeSet");
            for (int i = 0; i < sets.getLength(); i++) {
                Element set = (Element) sets.item(i);
                if (set.getAttribute("id").equals("opportunity-entry-valid-to-1")) {
                    return set.getElementsByTagName("sql").item(0).getTextContent();
                }
            }
        }
        throw new AssertionError("no change set opportunity-entry-valid-to-1");
    }
}
