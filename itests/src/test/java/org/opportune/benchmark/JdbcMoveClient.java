package org.opportune.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline: what one move of the opportunity service reads and writes, as plain JDBC on its own connection, one
 * transaction per move with a durable commit (Derby's defaults):
 * <ol>
 * <li>lock and read the opportunity ({@code SELECT * ... FOR UPDATE WITH RS}, as EclipseLink does on Derby), and
 * compare its version with the one the client last saw when clients share opportunities (the If-Match check);</li>
 * <li>read the sales cycle with its stages (the service reads them through the cycles module);</li>
 * <li>read the active entry by its number;</li>
 * <li>make it inactive with its days open;</li>
 * <li>insert the new active entry (the database numbers it);</li>
 * <li>copy the new entry's values onto the opportunity and raise its version.</li>
 * </ol>
 */
final class JdbcMoveClient implements MoveClient {
    private static final int AMOUNT_SCALE = 10;
    private static final int PERCENT_SCALE = 16;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern DAYS_FORMULA = Pattern.compile("(\\d+)D");
    private static final int MAX_ATTEMPTS = 5;

    private final Connection connection;
    private final EntryTable entries;
    private final boolean checkVersion;
    private final Route route;
    private final PreparedStatement lockOpportunity;
    private final PreparedStatement readCycle;
    private final PreparedStatement readEntry;
    private final PreparedStatement deactivateEntry;
    private final PreparedStatement insertEntry;
    private final PreparedStatement updateOpportunity;
    private final PreparedStatement nextNumbers;
    /** The entry numbers fetched and not used yet: {@code nextNumber} up to {@code lastNumber}. */
    private long nextNumber;
    private long lastNumber = -1;
    /** What the current move is doing, for the error message. */
    private String step;

    /** A stage as the move needs it. */
    private record Stage(int stage, String description, BigDecimal completedPercent, BigDecimal chancesPercent,
            String dateFormula) {
    }

    /**
     * @param checkVersion compare the version the client last saw, as a request with If-Match does
     */
    JdbcMoveClient(Connection connection, EntryTable entries, String opportunityNo, int lowestStage, int highestStage,
            boolean checkVersion) throws SQLException {
        this.connection = connection;
        this.entries = entries;
        this.checkVersion = checkVersion;
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        String opportunity = entries.qualified("OPPORTUNITY");
        String entry = entries.qualified(EntryTable.TABLE);
        lockOpportunity = connection.prepareStatement("SELECT * FROM " + opportunity + " WHERE OPP_NO = ?"
                + " FOR UPDATE WITH RS");
        readCycle = connection.prepareStatement("SELECT c.PROBABILITY_CALCULATION, s.STAGE, s.DESCRIPTION,"
                + " s.COMPLETED_PERCENT, s.CHANCES_OF_SUCCESS_PERCENT, s.DATE_FORMULA FROM "
                + entries.qualified("SALES_CYCLE") + " c JOIN " + entries.qualified("SALES_CYCLE_STAGE")
                + " s ON s.SALES_CYCLE_CODE = c.CODE WHERE c.CODE = ? ORDER BY s.STAGE");
        readEntry = connection.prepareStatement("SELECT * FROM " + entry + " WHERE ENTRY_NO = ?");
        deactivateEntry = connection.prepareStatement("UPDATE " + entry + " SET ACTIVE = ?, DAYS_OPEN = ?"
                + " WHERE ENTRY_NO = ?");
        insertEntry = connection.prepareStatement(entries.insertSql());
        nextNumbers = connection.prepareStatement("VALUES NEXT VALUE FOR " + entries.qualified(EntryTable.SEQUENCE));
        updateOpportunity = connection.prepareStatement("UPDATE " + opportunity + " SET CURRENT_STAGE = ?,"
                + " ESTIMATED_VALUE = ?, CALCULATED_CURRENT_VALUE = ?, CHANCES_OF_SUCCESS_PERCENT = ?,"
                + " COMPLETED_PERCENT = ?, PROBABILITY_PERCENT = ?, ESTIMATED_CLOSE_DATE = ?, CLOSE_CODE = NULL,"
                + " LAST_DATE_OF_CHANGE = ?, ACTIVE_ENTRY_NO = ?, STATUS = 'IN_PROGRESS', VERSION = ?"
                + " WHERE OPP_NO = ? AND VERSION = ?");
        try (PreparedStatement read = connection.prepareStatement("SELECT CURRENT_STAGE, VERSION FROM " + opportunity
                + " WHERE OPP_NO = ?")) {
            read.setString(1, opportunityNo);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no opportunity " + opportunityNo);
                }
                route = new Route(opportunityNo, lowestStage, highestStage, rs.getInt(1), rs.getLong(2));
            }
        }
        connection.commit();
    }

    /**
     * One move; a transaction the database rolls back for a transient reason (SQLState class 40: deadlock, lock
     * timeout, e.g. Derby's identity generator under concurrent inserts) is retried, as JDBC applications do.
     */
    @Override
    public Outcome move() throws Exception {
        String action = route.action();
        for (int attempt = 1; ; attempt++) {
            try {
                Outcome outcome = moveInTransaction(action);
                connection.commit();
                return attempt > 1 && outcome == Outcome.MOVED ? Outcome.MOVED_AFTER_RETRY : outcome;
            } catch (SQLException e) {
                connection.rollback();
                if (attempt < MAX_ATTEMPTS && e.getSQLState() != null && e.getSQLState().startsWith("40")) {
                    continue;
                }
                throw new SQLException(action + " " + route.opportunityNo() + " at \"" + step + "\" (attempt "
                        + attempt + "): " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e.getSQLState(), e);
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private Outcome moveInTransaction(String action) throws SQLException {
        String no = route.opportunityNo();
        step = "lock opportunity";
        Map<String, Object> opportunity = single(lockOpportunity, no);
        int currentStage = ((Number) opportunity.get("CURRENT_STAGE")).intValue();
        long version = ((Number) opportunity.get("VERSION")).longValue();
        if (checkVersion && version != route.version()) {
            route.refreshed(currentStage, version);
            return Outcome.CONFLICT;
        }
        if (Boolean.TRUE.equals(truth(opportunity.get("CLOSED")))) {
            throw new IllegalStateException("opportunity " + no + " is closed");
        }

        String cycleCode = (String) opportunity.get("SALES_CYCLE_CODE");
        step = "read cycle";
        List<Stage> stages = stagesOf(cycleCode);
        Stage target = target(stages, currentStage, action);
        if (target == null) {
            throw new IllegalStateException(action + " " + no + ": no stage " + (Route.NEXT.equals(action) ? "above"
                    : "below") + " " + currentStage);
        }

        long activeEntryNo = ((Number) opportunity.get("ACTIVE_ENTRY_NO")).longValue();
        step = "read active entry";
        Map<String, Object> previous = single(readEntry, activeEntryNo);
        LocalDate lastDateOfChange = ((Date) opportunity.get("LAST_DATE_OF_CHANGE")).toLocalDate();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate dateOfChange = today.isAfter(lastDateOfChange) ? today : lastDateOfChange;
        LocalDate previousDate = ((Date) previous.get("DATE_OF_CHANGE")).toLocalDate();

        step = "deactivate entry";
        deactivateEntry.setBoolean(1, false);
        deactivateEntry.setInt(2, Math.toIntExact(ChronoUnit.DAYS.between(previousDate, dateOfChange)));
        deactivateEntry.setLong(3, activeEntryNo);
        expectOneRow(deactivateEntry.executeUpdate(), "deactivate entry " + activeEntryNo);

        BigDecimal estimatedValue = ((BigDecimal) opportunity.get("ESTIMATED_VALUE")).setScale(AMOUNT_SCALE,
                RoundingMode.HALF_EVEN);
        BigDecimal chances = target.chancesPercent().setScale(PERCENT_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal completed = target.completedPercent().setScale(PERCENT_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal probability = chances.multiply(completed).divide(HUNDRED).setScale(PERCENT_SCALE,
                RoundingMode.HALF_EVEN);
        BigDecimal currentValue = estimatedValue.multiply(probability).divide(HUNDRED).setScale(AMOUNT_SCALE,
                RoundingMode.HALF_EVEN);
        LocalDate estimatedCloseDate = dateOfChange.plusDays(days(target.dateFormula()));

        Map<String, Object> values = new HashMap<>(previous);
        values.put("OPP_NO", no);
        values.put("SALES_CYCLE_CODE", cycleCode);
        values.put("CONTACT_NO", opportunity.get("CONTACT_NO"));
        values.put("CONTACT_COMPANY_NO", opportunity.get("CONTACT_COMPANY_NO"));
        values.put("SALESPERSON_CODE", opportunity.get("SALESPERSON_CODE"));
        values.put("STAGE", target.stage());
        values.put("STAGE_DESCRIPTION", target.description());
        values.put("PREVIOUS_STAGE", currentStage);
        values.put("ACTION_TAKEN", action);
        values.put("DATE_OF_CHANGE", Date.valueOf(dateOfChange));
        values.put("ACTIVE", Boolean.TRUE);
        values.put("DAYS_OPEN", 0);
        values.put("DATE_CLOSED", null);
        values.put("ESTIMATED_VALUE", estimatedValue);
        values.put("CALCULATED_CURRENT_VALUE", currentValue);
        values.put("COMPLETED_PERCENT", completed);
        values.put("CHANCES_OF_SUCCESS_PERCENT", chances);
        values.put("PROBABILITY_PERCENT", probability);
        values.put("ESTIMATED_CLOSE_DATE", Date.valueOf(estimatedCloseDate));
        values.put("CLOSE_CODE", null);
        step = "insert entry";
        long entryNo = nextEntryNo();
        insertEntry.setLong(1, entryNo);
        List<EntryTable.Column> columns = entries.columns();
        for (int i = 0; i < columns.size(); i++) {
            EntryTable.Column column = columns.get(i);
            Object value = values.get(column.name());
            if (value == null) {
                insertEntry.setNull(i + 2, column.sqlType());
            } else {
                insertEntry.setObject(i + 2, value, column.sqlType());
            }
        }
        expectOneRow(insertEntry.executeUpdate(), "insert entry");

        step = "update opportunity";
        updateOpportunity.setInt(1, target.stage());
        updateOpportunity.setBigDecimal(2, estimatedValue);
        updateOpportunity.setBigDecimal(3, currentValue);
        updateOpportunity.setBigDecimal(4, chances);
        updateOpportunity.setBigDecimal(5, completed);
        updateOpportunity.setBigDecimal(6, probability);
        updateOpportunity.setDate(7, Date.valueOf(estimatedCloseDate));
        updateOpportunity.setDate(8, Date.valueOf(dateOfChange));
        updateOpportunity.setLong(9, entryNo);
        updateOpportunity.setLong(10, version + 1);
        updateOpportunity.setString(11, no);
        updateOpportunity.setLong(12, version);
        expectOneRow(updateOpportunity.executeUpdate(), "update opportunity " + no);
        route.refreshed(target.stage(), version + 1);
        return Outcome.MOVED;
    }

    private List<Stage> stagesOf(String cycleCode) throws SQLException {
        List<Stage> stages = new ArrayList<>();
        readCycle.setString(1, cycleCode);
        try (ResultSet rs = readCycle.executeQuery()) {
            while (rs.next()) {
                String model = rs.getString(1);
                if (!"MULTIPLY".equals(model)) {
                    throw new IllegalStateException("the baseline computes MULTIPLY only; cycle " + cycleCode + " uses "
                            + model);
                }
                stages.add(new Stage(rs.getInt(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getString(6)));
            }
        }
        return stages;
    }

    /** NEXT: the lowest stage above the current one; PREVIOUS: the highest below it; null when there is none. */
    private static Stage target(List<Stage> stages, int currentStage, String action) {
        Stage target = null;
        for (Stage stage : stages) {
            if (Route.NEXT.equals(action) && stage.stage() > currentStage && target == null) {
                target = stage;
            } else if (Route.PREVIOUS.equals(action) && stage.stage() < currentStage) {
                target = stage;
            }
        }
        return target;
    }

    private static int days(String dateFormula) {
        if (dateFormula == null || dateFormula.isBlank()) {
            return 0;
        }
        Matcher matcher = DAYS_FORMULA.matcher(dateFormula.trim());
        if (!matcher.matches()) {
            throw new IllegalStateException("the baseline understands day formulas (e.g. 5D) only, not "
                    + dateFormula);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static Boolean truth(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value instanceof Number n ? n.intValue() != 0 : null;
    }

    /** The single row the statement finds for {@code key}, by column name. */
    private static Map<String, Object> single(PreparedStatement statement, Object key) throws SQLException {
        statement.setObject(1, key);
        try (ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("no row for " + key);
            }
            ResultSetMetaData metaData = rs.getMetaData();
            Map<String, Object> row = new HashMap<>();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                row.put(metaData.getColumnName(i), rs.getObject(i));
            }
            return row;
        }
    }

    private static void expectOneRow(int updated, String what) {
        if (updated != 1) {
            throw new IllegalStateException(what + " changed " + updated + " rows");
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /**
     * Numbers entries as EclipseLink does for the module: the sequence steps by {@link EntryTable#NUMBERS_PER_FETCH}
     * and a fetched value v gives the numbers v - NUMBERS_PER_FETCH + 1 … v (now one database call per entry, after
     * the row lock, as the module does).
     */
    private long nextEntryNo() throws SQLException {
        if (nextNumber > lastNumber) {
            try (ResultSet rs = nextNumbers.executeQuery()) {
                rs.next();
                lastNumber = rs.getLong(1);
            }
            nextNumber = lastNumber - EntryTable.NUMBERS_PER_FETCH + 1;
        }
        return nextNumber++;
    }
}
