package org.opportune.opportunities.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityStatus;

/**
 * The counters behind a sales cycle's figures now and its pipeline over all time (table {@code STAGE_FIGURES},
 * change set {@code stage-figures-1}): per cycle, stage and salesperson, the opportunities in progress at the stage
 * and their values, the inactive entries at it and their days open, the entries written at it, and the
 * opportunities that reached it (won and lost among them). Each opportunity adds its {@link Share}; every write of an
 * opportunity adds the difference between its share after and before, in the write's own transaction, so the
 * counters are exact wherever a figure could be read. The salesperson is the opportunity's now (as {@link Scope}
 * covers entries), so a salesperson's figures are one key's rows.
 * <p>
 * Concurrent writes of different opportunities would queue on one row per stage; an opportunity's differences go to
 * one of {@value #SHARDS} rows (by its number), and a figure is the sum over them. Rows are changed in key order, so
 * two writes never wait for each other in a circle.
 */
final class StageFigures {
    static final int SHARDS = 16;

    private static final String OPPORTUNITY = "SELECT SALES_CYCLE_CODE, SALESPERSON_CODE, STATUS, CURRENT_STAGE,"
            + " ESTIMATED_VALUE, CALCULATED_CURRENT_VALUE FROM OPPORTUNITY WHERE OPP_NO = ?";
    private static final String ENTRIES = "SELECT ENTRY_NO, SALES_CYCLE_CODE, STAGE, ACTIVE, DAYS_OPEN"
            + " FROM OPPORTUNITY_ENTRY WHERE OPP_NO = ? AND STAGE > 0";
    private static final String KEY = " WHERE SALES_CYCLE_CODE = ? AND STAGE = ? AND SALESPERSON_CODE = ?"
            + " AND SHARD = ?";
    private static final String ADD = "UPDATE STAGE_FIGURES SET OPEN_COUNT = OPEN_COUNT + ?,"
            + " OPEN_ESTIMATED_VALUE = OPEN_ESTIMATED_VALUE + ?,"
            + " OPEN_CALCULATED_CURRENT_VALUE = OPEN_CALCULATED_CURRENT_VALUE + ?,"
            + " CLOSED_ENTRIES = CLOSED_ENTRIES + ?, CLOSED_DAYS = CLOSED_DAYS + ?, ENTRIES = ENTRIES + ?,"
            + " REACHED = REACHED + ?, REACHED_WON = REACHED_WON + ?, REACHED_LOST = REACHED_LOST + ?" + KEY;
    private static final String INSERT = "INSERT INTO STAGE_FIGURES (OPEN_COUNT, OPEN_ESTIMATED_VALUE,"
            + " OPEN_CALCULATED_CURRENT_VALUE, CLOSED_ENTRIES, CLOSED_DAYS, ENTRIES, REACHED, REACHED_WON,"
            + " REACHED_LOST, SALES_CYCLE_CODE, STAGE, SALESPERSON_CODE, SHARD)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The figures of a cycle per stage, summed over salespeople and shards; the owner's condition is appended. */
    static final String PER_STAGE = "SELECT STAGE, SUM(OPEN_COUNT), SUM(OPEN_ESTIMATED_VALUE),"
            + " SUM(OPEN_CALCULATED_CURRENT_VALUE), SUM(CLOSED_DAYS), SUM(CLOSED_ENTRIES), SUM(ENTRIES), SUM(REACHED),"
            + " SUM(REACHED_WON), SUM(REACHED_LOST) FROM STAGE_FIGURES WHERE SALES_CYCLE_CODE = ?";

    /** The statement that counts existing data, shared with the migration (change set stage-figures-1). */
    private static final String COUNT_STATEMENT = "db/sql/count-stage-figures.sql";

    private StageFigures() {
    }

    /**
     * Counts every opportunity afresh into shard 0, with the statement the migration ran on existing data
     * ({@code db/sql/count-stage-figures.sql}); the opportunities are locked against writes until the transaction
     * ends, so that none is counted twice or missed.
     *
     * @param derby whether the database is Derby (its booleans are SMALLINT 0/1)
     * @return the counter rows written
     */
    static long recount(Connection connection, boolean derby) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE OPPORTUNITY IN EXCLUSIVE MODE");
            statement.executeUpdate("DELETE FROM STAGE_FIGURES");
            return statement.executeUpdate(countStatement(derby));
        }
    }

    /** The migration's counting statement, its SQL comments left out, as Liquibase expands it for the database. */
    private static String countStatement(boolean derby) {
        try (InputStream file = StageFigures.class.getClassLoader().getResourceAsStream(COUNT_STATEMENT)) {
            if (file == null) {
                throw new IllegalStateException(COUNT_STATEMENT + " is missing from the module");
            }
            return new String(file.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n"))
                    .replace("${entry.inactive}", derby ? "e.ACTIVE = 0" : "NOT e.ACTIVE");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + COUNT_STATEMENT, e);
        }
    }

    /** A counter row's key. */
    record Key(String cycle, int stage, String salesperson) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::cycle).thenComparingInt(Key::stage)
                .thenComparing(Key::salesperson);
    }

    /** An entry as the counters see it. */
    record Entry(long entryNo, String cycle, int stage, boolean active, int daysOpen) {
    }

    /** What one key's counters hold, or what one write adds to them. */
    record Counts(long openCount, BigDecimal openEstimated, BigDecimal openCurrent, long closedEntries, long closedDays,
            long entries, long reached, long reachedWon, long reachedLost) {
        static final Counts NONE = new Counts(0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(openCount + other.openCount, openEstimated.add(other.openEstimated),
                    openCurrent.add(other.openCurrent), closedEntries + other.closedEntries,
                    closedDays + other.closedDays, entries + other.entries, reached + other.reached,
                    reachedWon + other.reachedWon, reachedLost + other.reachedLost);
        }

        Counts negated() {
            return new Counts(-openCount, openEstimated.negate(), openCurrent.negate(), -closedEntries, -closedDays,
                    -entries, -reached, -reachedWon, -reachedLost);
        }

        boolean isZero() {
            return openCount == 0 && openEstimated.signum() == 0 && openCurrent.signum() == 0 && closedEntries == 0
                    && closedDays == 0 && entries == 0 && reached == 0 && reachedWon == 0 && reachedLost == 0;
        }

        /** The open opportunities' count and sums, as the figures are computed from them. */
        Sums openSums() {
            return new Sums(openCount, openEstimated, openCurrent);
        }
    }

    /** What one opportunity adds to the counters, per key. */
    static final class Share {
        static final Share NONE = new Share(Map.of());

        private final Map<Key, Counts> byKey;

        private Share(Map<Key, Counts> byKey) {
            this.byKey = byKey;
        }

        /**
         * @param opportunity the opportunity's cycle, salesperson, status, stage and values
         * @param entries     its entries at a stage (closing entries are at none)
         */
        static Share of(Opportunity opportunity, List<Entry> entries) {
            return of(opportunity.salesCycleCode(), opportunity.salespersonCode(), opportunity.status(),
                    opportunity.currentStage(), opportunity.estimatedValue(), opportunity.calculatedCurrentValue(),
                    entries);
        }

        private static Share of(String cycle, String salesperson, OpportunityStatus status, Integer stage,
                BigDecimal estimated, BigDecimal current, List<Entry> entries) {
            Map<Key, Counts> byKey = new TreeMap<>(Key.ORDER);
            if (status == OpportunityStatus.IN_PROGRESS && stage != null) {
                byKey.merge(new Key(cycle, stage, salesperson), new Counts(1, orZero(estimated), orZero(current), 0,
                        0, 0, 0, 0, 0), Counts::plus);
            }
            Set<Key> reached = new TreeSet<>(Key.ORDER);
            for (Entry entry : entries) {
                Key key = new Key(entry.cycle(), entry.stage(), salesperson);
                boolean closed = !entry.active();
                byKey.merge(key, new Counts(0, BigDecimal.ZERO, BigDecimal.ZERO, closed ? 1 : 0,
                        closed ? entry.daysOpen() : 0, 1, 0, 0, 0), Counts::plus);
                reached.add(key);
            }
            long won = status == OpportunityStatus.WON ? 1 : 0;
            long lost = status == OpportunityStatus.LOST ? 1 : 0;
            for (Key key : reached) {
                byKey.merge(key, new Counts(0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 1, won, lost),
                        Counts::plus);
            }
            return new Share(byKey);
        }

        /** @return what the counters change by when this share replaces {@code before}, in key order */
        Map<Key, Counts> minus(Share before) {
            Map<Key, Counts> difference = new TreeMap<>(Key.ORDER);
            byKey.forEach((key, counts) -> difference.merge(key, counts, Counts::plus));
            before.byKey.forEach((key, counts) -> difference.merge(key, counts.negated(), Counts::plus));
            difference.values().removeIf(Counts::isZero);
            return difference;
        }
    }

    /** @return the opportunity's share as stored, read on the write's connection (after its lock); none if gone */
    static Share read(Connection connection, String opportunityNo) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(OPPORTUNITY)) {
            select.setString(1, opportunityNo);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Share.NONE;
                }
                return Share.of(row.getString(1), row.getString(2), OpportunityStatus.valueOf(row.getString(3)),
                        Rows.integer(row, "CURRENT_STAGE"), row.getBigDecimal(5), row.getBigDecimal(6),
                        entries(connection, opportunityNo));
            }
        }
    }

    /** @return the opportunity's entries at a stage, as stored */
    static List<Entry> entries(Connection connection, String opportunityNo) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(ENTRIES)) {
            select.setString(1, opportunityNo);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.add(new Entry(row.getLong(1), row.getString(2), row.getInt(3), row.getBoolean(4),
                            row.getInt(5)));
                }
            }
        }
        return entries;
    }

    /**
     * Adds what a move changed, from what the move knows, without reading the opportunity's history: the entry it
     * made inactive ({@code left}, null for an activation) and the one it wrote; the entries it did not touch would
     * be in both shares and cancel out.
     *
     * @param reachedBefore whether the opportunity had an entry at the stage it enters before the move
     */
    static void applyMove(Connection connection, Opportunity before, Opportunity after, Entry left,
            OpportunityEntry entered, boolean reachedBefore) throws SQLException {
        List<Entry> was = new ArrayList<>();
        List<Entry> is = new ArrayList<>();
        if (reachedBefore) {
            Entry earlier = new Entry(0, entered.salesCycleCode(), entered.stage(), false, 0);
            was.add(earlier);
            is.add(earlier);
        }
        if (left != null) {
            was.add(new Entry(left.entryNo(), left.cycle(), left.stage(), true, 0));
            is.add(left);
        }
        is.add(new Entry(entered.entryNo(), entered.salesCycleCode(), entered.stage(), true, entered.daysOpen()));
        apply(connection, after.no(), Share.of(before, was), Share.of(after, is));
    }

    /** Adds to the counters what the opportunity's write changed: its share {@code after} less {@code before}. */
    static void apply(Connection connection, String opportunityNo, Share before, Share after) throws SQLException {
        Map<Key, Counts> difference = after.minus(before);
        if (difference.isEmpty()) {
            return;
        }
        int shard = Math.floorMod(opportunityNo.hashCode(), SHARDS);
        try (PreparedStatement add = connection.prepareStatement(ADD)) {
            for (Map.Entry<Key, Counts> change : difference.entrySet()) {
                bind(add, change.getKey(), shard, change.getValue());
                if (add.executeUpdate() == 0) {
                    insert(connection, add, change.getKey(), shard, change.getValue());
                }
            }
        }
    }

    /**
     * The key's first row; when another write inserted it meanwhile (a duplicate key once it committed), adds to
     * that row instead. The savepoint keeps the transaction usable after the duplicate (PostgreSQL aborts it else).
     */
    private static void insert(Connection connection, PreparedStatement add, Key key, int shard, Counts counts)
            throws SQLException {
        Savepoint beforeInsert = connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, key, shard, counts);
            insert.executeUpdate();
            connection.releaseSavepoint(beforeInsert);
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
            connection.rollback(beforeInsert);
            if (add.executeUpdate() != 1) {
                throw new IllegalStateException("the stage figures of " + key + " are neither there nor insertable",
                        e);
            }
        }
    }

    /** Binds the counts and then the key: the order of both statements' parameters. */
    private static void bind(PreparedStatement statement, Key key, int shard, Counts counts) throws SQLException {
        statement.setLong(1, counts.openCount());
        statement.setBigDecimal(2, counts.openEstimated());
        statement.setBigDecimal(3, counts.openCurrent());
        statement.setLong(4, counts.closedEntries());
        statement.setLong(5, counts.closedDays());
        statement.setLong(6, counts.entries());
        statement.setLong(7, counts.reached());
        statement.setLong(8, counts.reachedWon());
        statement.setLong(9, counts.reachedLost());
        statement.setString(10, key.cycle());
        statement.setInt(11, key.stage());
        statement.setString(12, key.salesperson());
        statement.setInt(13, shard);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
