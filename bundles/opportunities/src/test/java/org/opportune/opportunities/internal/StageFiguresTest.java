package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Before;
import org.junit.Test;
import org.opportune.api.AccessDeniedException;
import org.opportune.api.OpportuneException;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.Roles;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.statistics.SalesCycleStatistics;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 14: the stage figures the writes keep as counters ({@link StageFigures}) are always those the opportunities
 * and their entries define — checked per stage and salesperson against the definition's queries after every kind of
 * write in a random order, after concurrent moves, and after a recount or the migration's fill of existing data; and
 * the figures read from them are those of the queries the statistics ran before.
 */
public class StageFiguresTest extends OpportunityTestSupport {
    private static final LocalDate FAR_PAST = LocalDate.of(1900, 1, 1);
    private static final LocalDate FAR_FUTURE = LocalDate.of(2999, 12, 31);
    private static final List<String> SALESPEOPLE = List.of("JO", "KIM");

    private OpportunityStatisticsServiceImpl statistics;

    @Before
    public void statistics() {
        statistics = new OpportunityStatisticsServiceImpl(store, modules, callers);
    }

    @Test
    public void everyKindOfWriteInRandomOrderKeepsTheCountersThoseOfTheDefinition() throws SQLException {
        SplittableRandom random = new SplittableRandom(14);
        List<String> nos = new ArrayList<>();
        int refused = 0;
        for (int step = 1; step <= 400; step++) {
            try {
                write(random, nos);
            } catch (OpportuneException refusal) {
                refused++; // a move the rules refuse writes nothing, and is checked like any other
            }
            if (step % 20 == 0) {
                assertEquals("after step " + step, definition(), counters());
                assertTheFiguresAreThoseOfTheQueries();
            }
        }
        assertTrue("the rules refused some writes, but not most: " + refused, refused > 0 && refused < 200);
        assertTrue("several opportunities of each kind", nos.size() > 20);
    }

    @Test
    public void theRecountAndTheMigrationsFillCountExistingDataAsTheWritesDid() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        List<String> nos = new ArrayList<>();
        for (int step = 0; step < 150; step++) {
            try {
                write(random, nos);
            } catch (OpportuneException refusal) {
                // as above
            }
        }
        Map<String, List<String>> kept = counters();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE STAGE_FIGURES SET ENTRIES = ENTRIES + 5");
        }
        assertEquals("one row per cycle, stage and salesperson", kept.size(), statistics.recount());
        assertEquals(kept, counters());
        assertEquals(definition(), counters());
        SalesCycleStatistics recounted = statistics.salesCycle("STD", null, null, null);

        // the migration runs the same statement on the data of an older release
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM STAGE_FIGURES");
            statement.executeUpdate(migrationFill());
        }
        assertEquals(kept, counters());
        assertEquals(recounted, statistics.salesCycle("STD", null, null, null));
    }

    @Test
    public void onlyAnOpportuneAdminRecounts() {
        Caller manager = Caller.user("mia", Set.of(Roles.SALES_MANAGER));
        AccessDeniedException refused = assertThrows(AccessDeniedException.class,
                () -> callers.callAs(manager, statistics::recount));
        assertTrue(refused.getMessage(), refused.getMessage().contains(Roles.OPPORTUNE_ADMIN));
        Caller admin = Caller.user("ada", Set.of(Roles.OPPORTUNE_ADMIN));
        assertEquals(0, (long) callers.callAs(admin, statistics::recount));
    }

    @Test
    public void concurrentMovesOfManyOpportunitiesCountExactly() throws Exception {
        List<String> nos = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            nos.add(started().no());
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                List<String> own = nos.subList(t * 3, t * 3 + 3);
                done.add(threads.submit(() -> {
                    for (int round = 0; round < 10; round++) {
                        for (String no : own) {
                            service.move(no, StageUpdate.of(round % 4 >= 2 ? OpportunityAction.PREVIOUS
                                    : OpportunityAction.NEXT), null);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get(); // no deadlock, no lost race left unretried
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(definition(), counters());
    }

    /** One write of a random kind: create, activate, move, change of salesperson, close or delete. */
    private void write(SplittableRandom random, List<String> nos) {
        if (random.nextInt(8) == 0) {
            clock.set(clock.today().plusDays(random.nextInt(1, 4)));
        }
        int kind = nos.isEmpty() ? 0 : random.nextInt(10);
        String salesperson = SALESPEOPLE.get(random.nextInt(SALESPEOPLE.size()));
        if (kind == 0) {
            nos.add(service.create(newOpportunity(null, "Deal", "CT1", salesperson, "STD", null,
                    random.nextBoolean() ? null : activation(null, d(String.valueOf(random.nextInt(1, 50) * 1000)),
                            d("25"), clock.today().plusMonths(1)))).no());
            return;
        }
        String no = nos.get(random.nextInt(nos.size()));
        Opportunity current = service.get(no);
        if (current.status() == OpportunityStatus.NOT_STARTED) {
            service.activate(no, null, false, null);
        } else if (kind <= 5) {
            OpportunityAction action = OpportunityAction.values()[random.nextInt(OpportunityAction.values().length)];
            Integer stage = action == OpportunityAction.SKIP || action == OpportunityAction.JUMP
                    ? random.nextInt(1, 5) : null;
            service.move(no, stageUpdate(action, stage, null,
                    random.nextBoolean() ? null : d(String.valueOf(random.nextInt(1, 50) * 1000)), null, null), null);
        } else if (kind == 6) {
            service.update(no, change(current, current.description(), current.contactNo(), salesperson,
                    current.salesCycleCode(), null), null);
        } else if (kind <= 8) {
            service.close(no, closing(random.nextBoolean() ? CloseOutcome.WON : CloseOutcome.LOST,
                    random.nextBoolean() ? "WIN1" : "PRICE", null, null), null);
        } else if (current.closed()) {
            service.delete(no, null);
            nos.remove(no);
        }
    }

    /** The figures now read from the counters equal those as of a day after everything (read from the entries). */
    private void assertTheFiguresAreThoseOfTheQueries() {
        SalesCycleStatistics now = statistics.salesCycle("STD", null, null, null);
        SalesCycleStatistics afterAll = statistics.salesCycle("STD", null, null, FAR_FUTURE);
        assertEquals(afterAll.open(), now.open());
        assertEquals(afterAll.stages(), now.stages());
        assertEquals(afterAll.total(), now.total());
        assertEquals(statistics.stageActivity("STD", FAR_PAST, FAR_FUTURE, true),
                statistics.stageActivity("STD", null, null, true));
    }

    // ---- the counters and their definition, per cycle, stage and salesperson --------------------------------------

    /**
     * @return key → open count, open EV, open CCV, inactive entries, their days, entries, opportunities that reached
     *         the stage, won and lost among them; keys with nothing left out
     */
    private static Map<String, List<String>> counters() throws SQLException {
        Map<String, List<String>> counters = new TreeMap<>();
        for (List<Object> row : query("SELECT SALES_CYCLE_CODE, STAGE, SALESPERSON_CODE, SUM(OPEN_COUNT),"
                + " SUM(OPEN_ESTIMATED_VALUE), SUM(OPEN_CALCULATED_CURRENT_VALUE), SUM(CLOSED_ENTRIES),"
                + " SUM(CLOSED_DAYS), SUM(ENTRIES), SUM(REACHED), SUM(REACHED_WON), SUM(REACHED_LOST)"
                + " FROM STAGE_FIGURES GROUP BY SALES_CYCLE_CODE, STAGE, SALESPERSON_CODE")) {
            List<String> values = row.subList(3, 12).stream().map(StageFiguresTest::number).toList();
            if (values.stream().anyMatch(value -> !value.equals("0"))) {
                counters.put(row.get(0) + "/" + row.get(1) + "/" + row.get(2), values);
            }
        }
        return counters;
    }

    /** The same figures by their definition: the opportunities in progress, and the entries at a stage. */
    private static Map<String, List<String>> definition() throws SQLException {
        Map<String, String[]> figures = new TreeMap<>();
        for (List<Object> row : query("SELECT SALES_CYCLE_CODE, CURRENT_STAGE, SALESPERSON_CODE, COUNT(*),"
                + " SUM(ESTIMATED_VALUE), SUM(CALCULATED_CURRENT_VALUE) FROM OPPORTUNITY WHERE STATUS = 'IN_PROGRESS'"
                + " GROUP BY SALES_CYCLE_CODE, CURRENT_STAGE, SALESPERSON_CODE")) {
            set(figures, row, 0, row.get(3), row.get(4), row.get(5));
        }
        for (List<Object> row : query("SELECT e.SALES_CYCLE_CODE, e.STAGE, o.SALESPERSON_CODE,"
                + " SUM(CASE WHEN e.ACTIVE = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN e.ACTIVE = 0 THEN e.DAYS_OPEN ELSE 0"
                + " END), COUNT(*), COUNT(DISTINCT e.OPP_NO) FROM OPPORTUNITY_ENTRY e JOIN OPPORTUNITY o"
                + " ON o.OPP_NO = e.OPP_NO WHERE e.STAGE > 0 GROUP BY e.SALES_CYCLE_CODE, e.STAGE, o.SALESPERSON_CODE")) {
            set(figures, row, 3, row.get(3), row.get(4), row.get(5), row.get(6));
        }
        for (List<Object> row : query("SELECT e.SALES_CYCLE_CODE, e.STAGE, o.SALESPERSON_CODE, o.STATUS,"
                + " COUNT(DISTINCT e.OPP_NO) FROM OPPORTUNITY_ENTRY e JOIN OPPORTUNITY o ON o.OPP_NO = e.OPP_NO"
                + " WHERE e.STAGE > 0 AND o.STATUS IN ('WON', 'LOST')"
                + " GROUP BY e.SALES_CYCLE_CODE, e.STAGE, o.SALESPERSON_CODE, o.STATUS")) {
            set(figures, row, row.get(3).equals("WON") ? 7 : 8, row.get(4));
        }
        Map<String, List<String>> definition = new TreeMap<>();
        figures.forEach((key, values) -> definition.put(key, List.of(values)));
        return definition;
    }

    private static void set(Map<String, String[]> figures, List<Object> row, int from, Object... values) {
        String[] figure = figures.computeIfAbsent(row.get(0) + "/" + row.get(1) + "/" + row.get(2), key -> {
            String[] zeros = new String[9];
            java.util.Arrays.fill(zeros, "0");
            return zeros;
        });
        for (int i = 0; i < values.length; i++) {
            figure[from + i] = number(values[i]);
        }
    }

    /** A number as a plain string without trailing zeros, whatever type the column or sum has. */
    private static String number(Object value) {
        return value == null ? "0" : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    private static List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The change set's statement that counts existing data, as Liquibase runs it on Derby. */
    private static String migrationFill() throws Exception {
        try (InputStream changelog = StageFiguresTest.class.getClassLoader()
                .getResourceAsStream("db/changelog/opportune-opportunities.xml")) {
            NodeList sets = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(changelog)
                    .getElementsByTagName("changeSet");
            for (int i = 0; i < sets.getLength(); i++) {
                Element set = (Element) sets.item(i);
                if (set.getAttribute("id").equals("stage-figures-1")) {
                    String path = ((Element) set.getElementsByTagName("sqlFile").item(0)).getAttribute("path");
                    try (InputStream file = StageFiguresTest.class.getClassLoader().getResourceAsStream(path)) {
                        return new String(file.readAllBytes(), StandardCharsets.UTF_8).lines()
                                .filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + "\n" + b)
                                .replace("${entry.inactive}", "e.ACTIVE = 0");
                    }
                }
            }
        }
        throw new AssertionError("no change set stage-figures-1");
    }
}
