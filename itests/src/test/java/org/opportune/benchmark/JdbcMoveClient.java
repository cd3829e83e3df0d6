package org.opportune.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline: exactly the statements one move of the product runs (a NEXT or PREVIOUS of an opportunity in
 * progress, as the REST clients send them), as plain JDBC, in the product's order, with a durable commit where the
 * database has one (Derby's default; the throw-away PostgreSQL runs with fsync off for both phases alike):
 * <ol>
 * <li>the cycles cache check, on a connection of its own in auto-commit, before the transaction (as the cycles module
 * reads it on its own pooled connection): {@code SELECT GENERATION FROM CACHE_GENERATION WHERE NAME = 'cycles'};
 * only when the generation differs from the one the client's copy was loaded at, the cycle with its stages is read
 * again ({@code SELECT ... FROM SALES_CYCLE c JOIN SALES_CYCLE_STAGE s ...}: once per client in a run). The product
 * reads the generation twice per move today (stages, then the probability model); the baseline reads it once, as
 * the product will;</li>
 * <li>then one transaction:
 * <ol>
 * <li>lock and read the opportunity ({@code SELECT * FROM OPPORTUNITY WHERE OPP_NO = ? FOR UPDATE}, plus
 * {@code WITH RS} on Derby, as EclipseLink does), confirm its cycle, and compare its version with the one the
 * client last saw when clients share opportunities (the If-Match check);</li>
 * <li>ask whether the opportunity reached the stage it enters before, for the stage figures ({@code SELECT ENTRY_NO
 * FROM OPPORTUNITY_ENTRY WHERE OPP_NO = ? AND STAGE = ? FETCH FIRST 1 ROWS ONLY});</li>
 * <li>read the active entry's date of change, cycle and stage ({@code SELECT DATE_OF_CHANGE, SALES_CYCLE_CODE, STAGE
 * FROM OPPORTUNITY_ENTRY WHERE ENTRY_NO = ?})
 * and make it inactive ({@code UPDATE OPPORTUNITY_ENTRY SET ACTIVE = ?, DAYS_OPEN = ?, VALID_TO = ?});</li>
 * <li>draw the new entry's number from the sequence {@code OPPORTUNITY_ENTRY_NO} ({@code VALUES NEXT VALUE FOR} on
 * Derby, {@code SELECT nextval(...)} on PostgreSQL) and insert the new active entry, stamped {@code CHANGED_BY} =
 * the REST clients' user and {@code CHANGED_AT} = now (UTC, microseconds), as the service's ChangeStamp does;</li>
 * <li>copy the new entry's values and the stamp onto the opportunity and raise its version
 * ({@code UPDATE OPPORTUNITY SET <the move's columns>, VERSION = ? WHERE OPP_NO = ? AND VERSION = ?});</li>
 * <li>add the move to the stage figures, the lower stage's row first: {@code UPDATE STAGE_FIGURES SET <each counter>
 * = <counter> + ? WHERE <cycle, stage, salesperson, shard>} for the stage left (one open opportunity fewer, one
 * inactive entry and its days more) and the stage entered (one open more, one entry more, one more opportunity
 * that reached it if it had not before); a row not there yet is inserted;</li>
 * <li>when the new entry's stage names an activity, what the tasks module's TaskParticipant does: the activity with
 * its steps in one {@code SELECT ... FROM ACTIVITY a LEFT OUTER JOIN ACTIVITY_STEP s ...}, per task the next value
 * of the sequence {@code TASK_NO}, and one batch of {@code INSERT INTO TASK} with the participant's columns and
 * values (numbers {@code TK000001} as the module's default number series);</li>
 * <li>commit.</li>
 * </ol></li>
 * </ol>
 * The product runs these statements with plain JDBC too (the opportunities module's MoveStatements), in this order;
 * Derby's statement log of a REST move shows them ({@code derby.language.logStatementText}). Moves write no
 * audit-log rows (only deletions and master-data changes do). Unlike the product, the client prepares each statement
 * once, on its own connections, as a hand-written JDBC
 * application would.
 */
final class JdbcMoveClient implements MoveClient {
    /** {@link JdbcMoveClient}'s statements in one line, for the run's header. */
    static final String STATEMENTS = "autocommit: SELECT GENERATION FROM CACHE_GENERATION ('cycles') [cycle+stages"
            + " only when it changed]; transaction: SELECT * FROM OPPORTUNITY FOR UPDATE, SELECT active entry,"
            + " SELECT whether it reached the stage, next OPPORTUNITY_ENTRY_NO, UPDATE OPPORTUNITY (changed columns,"
            + " CHANGED_AT, version check), UPDATE entry inactive, INSERT entry (CHANGED_BY/AT), UPDATE STAGE_FIGURES"
            + " x 2; into a stage with an activity also SELECT"
            + " activity+steps, next TASK_NO per step, batched INSERT INTO TASK; COMMIT";

    private static final int AMOUNT_SCALE = 10;
    private static final int PERCENT_SCALE = 16;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern DAYS_FORMULA = Pattern.compile("(\\d+)D");
    private static final int MAX_ATTEMPTS = 5;
    /** The opportunities module's StageFigures.SHARDS. */
    private static final int STAGE_FIGURE_SHARDS = 16;
    /** The cycles module's row in CACHE_GENERATION. */
    private static final String CYCLES_CACHE = "cycles";
    /** The tasks module's default number series (etc/ is left as shipped). */
    private static final String TASK_PREFIX = "TK";
    private static final int TASK_DIGITS = 6;

    /**
     * What every client of a run shares.
     *
     * @param checkVersion compare the version the client last saw, as a request with If-Match does
     * @param changedBy    the user the REST clients move as: the product stamps rows with the caller's name
     */
    record Baseline(MoveDatabase database, EntryTable entries, boolean checkVersion, String changedBy) {
    }

    private final Connection connection;
    private final Connection cacheConnection;
    private final EntryTable entries;
    private final boolean checkVersion;
    private final String changedBy;
    private final Route route;
    private final String cycleCode;
    private final PreparedStatement readGeneration;
    private final PreparedStatement readCycle;
    private final PreparedStatement lockOpportunity;
    private final PreparedStatement readEntry;
    private final PreparedStatement readStageReached;
    private final PreparedStatement addStageFigures;
    private final PreparedStatement insertStageFigures;
    private final PreparedStatement deactivateEntry;
    private final PreparedStatement insertEntry;
    private final PreparedStatement updateOpportunity;
    private final PreparedStatement nextNumbers;
    private final PreparedStatement readActivity;
    private final PreparedStatement nextTaskNumber;
    private final PreparedStatement insertTask;
    /** The entry numbers fetched and not used yet: {@code nextNumber} up to {@code lastNumber}. */
    private long nextNumber;
    private long lastNumber = -1;
    /** The client's copy of the cycle's stages, and the generation it was loaded at. */
    private List<Stage> cachedStages;
    private long cachedGeneration = Long.MIN_VALUE;
    /** What the current move is doing, for the error message. */
    private String step;

    /** A stage as the move needs it; {@code activityCode} null when it names none. */
    private record Stage(int stage, String description, BigDecimal completedPercent, BigDecimal chancesPercent,
            String dateFormula, String activityCode) {
    }

    /** A task before it has a number; {@code step} null for a step-less activity. */
    private record PlannedTask(String type, String description, LocalDate date, String priority, Integer step) {
    }

    JdbcMoveClient(Baseline baseline, String opportunityNo, int lowestStage, int highestStage) throws SQLException {
        this.entries = baseline.entries();
        this.checkVersion = baseline.checkVersion();
        this.changedBy = baseline.changedBy();
        MoveDatabase database = baseline.database();
        this.connection = database.connect();
        Connection cache;
        try {
            cache = database.connect();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        this.cacheConnection = cache;
        cacheConnection.setAutoCommit(true);
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        String opportunity = entries.qualified("OPPORTUNITY");
        String entry = entries.qualified(EntryTable.TABLE);
        readGeneration = cacheConnection.prepareStatement("SELECT GENERATION FROM "
                + entries.qualified("CACHE_GENERATION") + " WHERE NAME = ?");
        readCycle = cacheConnection.prepareStatement("SELECT c.PROBABILITY_CALCULATION, s.STAGE, s.DESCRIPTION,"
                + " s.COMPLETED_PERCENT, s.CHANCES_OF_SUCCESS_PERCENT, s.DATE_FORMULA, s.ACTIVITY_CODE FROM "
                + entries.qualified("SALES_CYCLE") + " c JOIN " + entries.qualified("SALES_CYCLE_STAGE")
                + " s ON s.SALES_CYCLE_CODE = c.CODE WHERE c.CODE = ? ORDER BY s.STAGE");
        lockOpportunity = connection.prepareStatement("SELECT * FROM " + opportunity + " WHERE OPP_NO = ?"
                + database.forUpdate());
        readEntry = connection.prepareStatement("SELECT DATE_OF_CHANGE, SALES_CYCLE_CODE, STAGE FROM " + entry
                + " WHERE ENTRY_NO = ?");
        readStageReached = connection.prepareStatement("SELECT ENTRY_NO FROM " + entry + " WHERE OPP_NO = ?"
                + " AND STAGE = ? FETCH FIRST 1 ROWS ONLY");
        String figures = entries.qualified("STAGE_FIGURES");
        addStageFigures = connection.prepareStatement("UPDATE " + figures + " SET OPEN_COUNT = OPEN_COUNT + ?,"
                + " OPEN_ESTIMATED_VALUE = OPEN_ESTIMATED_VALUE + ?,"
                + " OPEN_CALCULATED_CURRENT_VALUE = OPEN_CALCULATED_CURRENT_VALUE + ?,"
                + " CLOSED_ENTRIES = CLOSED_ENTRIES + ?, CLOSED_DAYS = CLOSED_DAYS + ?, ENTRIES = ENTRIES + ?,"
                + " REACHED = REACHED + ? WHERE SALES_CYCLE_CODE = ? AND STAGE = ? AND SALESPERSON_CODE = ?"
                + " AND SHARD = ?");
        insertStageFigures = connection.prepareStatement("INSERT INTO " + figures + " (OPEN_COUNT,"
                + " OPEN_ESTIMATED_VALUE, OPEN_CALCULATED_CURRENT_VALUE, CLOSED_ENTRIES, CLOSED_DAYS, ENTRIES, REACHED,"
                + " SALES_CYCLE_CODE, STAGE, SALESPERSON_CODE, SHARD, REACHED_WON, REACHED_LOST)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)");
        nextNumbers = connection.prepareStatement(database.nextValue(entries.qualified(EntryTable.SEQUENCE)));
        deactivateEntry = connection.prepareStatement("UPDATE " + entry + " SET ACTIVE = ?, DAYS_OPEN = ?,"
                + " VALID_TO = ? WHERE ENTRY_NO = ?");
        insertEntry = connection.prepareStatement(entries.insertSql());
        updateOpportunity = connection.prepareStatement("UPDATE " + opportunity + " SET CURRENT_STAGE = ?,"
                + " ESTIMATED_VALUE = ?, CALCULATED_CURRENT_VALUE = ?, CHANCES_OF_SUCCESS_PERCENT = ?,"
                + " COMPLETED_PERCENT = ?, PROBABILITY_PERCENT = ?, ESTIMATED_CLOSE_DATE = ?, CLOSE_CODE = ?,"
                + " LAST_DATE_OF_CHANGE = ?, ACTIVE_ENTRY_NO = ?, STATUS = ?, CLOSED = ?, DATE_CLOSED = ?,"
                + " VERSION = ?, CHANGED_BY = ?, CHANGED_AT = ? WHERE OPP_NO = ? AND VERSION = ?");
        // the tasks module's statements (TaskParticipant), tables named as the module's change sets do
        readActivity = connection.prepareStatement("SELECT a.DESCRIPTION, s.STEP, s.TYPE, s.DESCRIPTION,"
                + " s.PRIORITY, s.DATE_FORMULA FROM " + entries.qualified("ACTIVITY") + " a LEFT OUTER JOIN "
                + entries.qualified("ACTIVITY_STEP") + " s ON s.ACTIVITY_CODE = a.CODE WHERE a.CODE = ?"
                + " ORDER BY s.STEP");
        nextTaskNumber = connection.prepareStatement(database.nextValue(entries.qualified("TASK_NO")));
        insertTask = connection.prepareStatement("INSERT INTO " + entries.qualified("TASK") + " (TASK_NO, TYPE,"
                + " DESCRIPTION, TASK_DATE, PRIORITY, STATUS, SALESPERSON_CODE, CONTACT_NO, OPPORTUNITY_NO,"
                + " OPPORTUNITY_ENTRY_NO, ACTIVITY_CODE, STEP, VERSION, CHANGED_BY, CHANGED_AT)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)");
        // the product's hint of the opportunity's cycle, read once: a move confirms it under the lock
        try (PreparedStatement read = connection.prepareStatement("SELECT CURRENT_STAGE, VERSION, SALES_CYCLE_CODE"
                + " FROM " + opportunity + " WHERE OPP_NO = ?")) {
            read.setString(1, opportunityNo);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no opportunity " + opportunityNo);
                }
                route = new Route(opportunityNo, lowestStage, highestStage, rs.getInt(1), rs.getLong(2));
                cycleCode = rs.getString(3);
            }
        }
        connection.commit();
    }

    /**
     * One move: the cache check, then the transaction. A transaction the database rolls back for a transient reason
     * (SQLState class 40: deadlock, lock timeout, serialization failure) is retried, as the product's JpaUnit does
     * (without checking the cache again, as the product reads the cycle once before its retries).
     */
    @Override
    public Outcome move() throws Exception {
        String action = route.action();
        step = "cache check";
        List<Stage> stages = stages();
        for (int attempt = 1; ; attempt++) {
            try {
                Outcome outcome = moveInTransaction(action, stages);
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

    /**
     * The cycle's stages as the cycles module's cache serves them: the generation read first, in auto-commit; the
     * cycle read again (after that read, kept under that generation) only when the generation changed.
     */
    private List<Stage> stages() throws SQLException {
        readGeneration.setString(1, CYCLES_CACHE);
        long generation;
        try (ResultSet rs = readGeneration.executeQuery()) {
            generation = rs.next() ? rs.getLong(1) : -1;
        }
        if (cachedStages == null || generation != cachedGeneration) {
            step = "read cycle";
            cachedStages = stagesOf(cycleCode);
            cachedGeneration = generation;
        }
        return cachedStages;
    }

    private Outcome moveInTransaction(String action, List<Stage> stages) throws SQLException {
        String no = route.opportunityNo();
        step = "lock opportunity";
        Map<String, Object> opportunity = single(lockOpportunity, no);
        int currentStage = ((Number) opportunity.get("CURRENT_STAGE")).intValue();
        long version = ((Number) opportunity.get("VERSION")).longValue();
        if (!cycleCode.equals(opportunity.get("SALES_CYCLE_CODE"))) {
            throw new IllegalStateException("opportunity " + no + " moved to cycle " + opportunity.get(
                    "SALES_CYCLE_CODE") + "; the baseline keeps to " + cycleCode);
        }
        if (checkVersion && version != route.version()) {
            route.refreshed(currentStage, version);
            return Outcome.CONFLICT;
        }
        if (Boolean.TRUE.equals(truth(opportunity.get("CLOSED")))) {
            throw new IllegalStateException("opportunity " + no + " is closed");
        }
        Stage target = target(stages, currentStage, action);
        if (target == null) {
            throw new IllegalStateException(action + " " + no + ": no stage " + (Route.NEXT.equals(action) ? "above"
                    : "below") + " " + currentStage);
        }

        step = "stage reached before";
        readStageReached.setString(1, no);
        readStageReached.setInt(2, target.stage());
        boolean reachedBefore;
        try (ResultSet reached = readStageReached.executeQuery()) {
            reachedBefore = reached.next();
        }

        long activeEntryNo = ((Number) opportunity.get("ACTIVE_ENTRY_NO")).longValue();
        step = "read active entry";
        Map<String, Object> previous = single(readEntry, activeEntryNo);
        LocalDate lastDateOfChange = ((Date) opportunity.get("LAST_DATE_OF_CHANGE")).toLocalDate();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate dateOfChange = today.isAfter(lastDateOfChange) ? today : lastDateOfChange;
        LocalDate previousDate = ((Date) previous.get("DATE_OF_CHANGE")).toLocalDate();

        step = "deactivate entry";
        int daysOpen = Math.toIntExact(ChronoUnit.DAYS.between(previousDate, dateOfChange));
        deactivateEntry.setBoolean(1, false);
        deactivateEntry.setInt(2, daysOpen);
        deactivateEntry.setDate(3, Date.valueOf(dateOfChange));
        deactivateEntry.setLong(4, activeEntryNo);
        expectOneRow(deactivateEntry.executeUpdate(), "deactivate entry " + activeEntryNo);

        step = "next entry number";
        long entryNo = nextEntryNo();
        BigDecimal estimatedValue = ((BigDecimal) opportunity.get("ESTIMATED_VALUE")).setScale(AMOUNT_SCALE,
                RoundingMode.HALF_EVEN);
        BigDecimal chances = target.chancesPercent().setScale(PERCENT_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal completed = target.completedPercent().setScale(PERCENT_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal probability = chances.multiply(completed).divide(HUNDRED).setScale(PERCENT_SCALE,
                RoundingMode.HALF_EVEN);
        BigDecimal currentValue = estimatedValue.multiply(probability).divide(HUNDRED).setScale(AMOUNT_SCALE,
                RoundingMode.HALF_EVEN);
        LocalDate estimatedCloseDate = dateOfChange.plusDays(days(target.dateFormula()));
        Timestamp changedAt = now(); // one stamp for the entry and the opportunity, as the service's ChangeStamp

        Map<String, Object> values = new HashMap<>();
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
        values.put("CHANGED_BY", changedBy);
        values.put("CHANGED_AT", changedAt);

        step = "insert entry";
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
        updateOpportunity.setNull(8, Types.VARCHAR);
        updateOpportunity.setDate(9, Date.valueOf(dateOfChange));
        updateOpportunity.setLong(10, entryNo);
        updateOpportunity.setString(11, "IN_PROGRESS");
        updateOpportunity.setBoolean(12, false);
        updateOpportunity.setNull(13, Types.DATE);
        updateOpportunity.setLong(14, version + 1);
        updateOpportunity.setString(15, changedBy);
        updateOpportunity.setTimestamp(16, changedAt);
        updateOpportunity.setString(17, no);
        updateOpportunity.setLong(18, version);
        expectOneRow(updateOpportunity.executeUpdate(), "update opportunity " + no);

        step = "stage figures";
        String salesperson = (String) opportunity.get("SALESPERSON_CODE");
        int shard = Math.floorMod(no.hashCode(), STAGE_FIGURE_SHARDS);
        BigDecimal[] left = {BigDecimal.valueOf(-1), ((BigDecimal) opportunity.get("ESTIMATED_VALUE")).negate(),
            ((BigDecimal) opportunity.get("CALCULATED_CURRENT_VALUE")).negate(), BigDecimal.ONE,
            BigDecimal.valueOf(daysOpen), BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal[] entered = {BigDecimal.ONE, estimatedValue, currentValue, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ONE, reachedBefore ? BigDecimal.ZERO : BigDecimal.ONE};
        boolean leftFirst = currentStage < target.stage();
        addStageFigures(leftFirst ? currentStage : target.stage(), salesperson, shard, leftFirst ? left : entered);
        addStageFigures(leftFirst ? target.stage() : currentStage, salesperson, shard, leftFirst ? entered : left);
        if (target.activityCode() != null) {
            createTasks(target.activityCode(), opportunity, no, entryNo, dateOfChange);
        }
        route.refreshed(target.stage(), version + 1);
        return Outcome.MOVED;
    }

    /**
     * As the module's StageFigures: add to the key's row; when it is not there yet insert it, and when another client
     * inserted it meanwhile (a duplicate key), add to that one (a savepoint keeps PostgreSQL's transaction usable).
     */
    private void addStageFigures(int stage, String salesperson, int shard, BigDecimal[] counts) throws SQLException {
        for (PreparedStatement statement : List.of(addStageFigures, insertStageFigures)) {
            for (int i = 0; i < counts.length; i++) {
                statement.setBigDecimal(i + 1, counts[i]);
            }
            statement.setString(8, cycleCode);
            statement.setInt(9, stage);
            statement.setString(10, salesperson);
            statement.setInt(11, shard);
        }
        if (addStageFigures.executeUpdate() == 1) {
            return;
        }
        Savepoint beforeInsert = connection.setSavepoint();
        try {
            insertStageFigures.executeUpdate();
            connection.releaseSavepoint(beforeInsert);
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
            connection.rollback(beforeInsert);
            expectOneRow(addStageFigures.executeUpdate(), "stage figures of stage " + stage);
        }
    }

    /** As TaskParticipant.createTasks: the activity read, then a number per task, then one batch of inserts. */
    private void createTasks(String activityCode, Map<String, Object> opportunity, String no, long entryNo,
            LocalDate dateOfChange) throws SQLException {
        Timestamp changedAt = now(); // the participant takes its own time
        step = "read activity";
        List<PlannedTask> tasks = plannedTasks(activityCode, dateOfChange);
        step = "insert tasks";
        for (PlannedTask task : tasks) {
            insertTask.setString(1, taskNo(nextValue(nextTaskNumber)));
            insertTask.setString(2, task.type());
            insertTask.setString(3, task.description());
            insertTask.setDate(4, Date.valueOf(task.date()));
            insertTask.setString(5, task.priority());
            insertTask.setString(6, "OPEN");
            insertTask.setString(7, (String) opportunity.get("SALESPERSON_CODE"));
            insertTask.setString(8, (String) opportunity.get("CONTACT_NO"));
            insertTask.setString(9, no);
            insertTask.setLong(10, entryNo);
            insertTask.setString(11, activityCode);
            if (task.step() == null) {
                insertTask.setNull(12, Types.INTEGER);
            } else {
                insertTask.setInt(12, task.step());
            }
            insertTask.setString(13, changedBy);
            insertTask.setTimestamp(14, changedAt);
            insertTask.addBatch();
        }
        for (int updated : insertTask.executeBatch()) {
            if (updated != 1 && updated != Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("insert task changed " + updated + " rows");
            }
        }
    }

    /** As TaskRules.tasksOf: one per step in step order, or one TODO for an activity without steps. */
    private List<PlannedTask> plannedTasks(String activityCode, LocalDate dateOfChange) throws SQLException {
        String description = null;
        List<PlannedTask> tasks = new ArrayList<>();
        readActivity.setString(1, activityCode);
        try (ResultSet rs = readActivity.executeQuery()) {
            while (rs.next()) {
                description = rs.getString(1);
                int stepNo = rs.getInt(2);
                if (!rs.wasNull()) {
                    String priority = rs.getString(5);
                    tasks.add(new PlannedTask(rs.getString(3), rs.getString(4),
                            dateOfChange.plusDays(days(rs.getString(6))), priority == null ? "NORMAL" : priority,
                            stepNo));
                }
            }
        }
        if (description == null) {
            throw new IllegalStateException("activity " + activityCode + " does not exist");
        }
        if (tasks.isEmpty()) {
            tasks.add(new PlannedTask("TODO", description, dateOfChange, "NORMAL", null));
        }
        return tasks;
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
                String activityCode = rs.getString(7);
                stages.add(new Stage(rs.getInt(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getString(6), activityCode == null || activityCode.isBlank() ? null : activityCode));
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
                row.put(metaData.getColumnName(i).toUpperCase(Locale.ROOT), rs.getObject(i)); // PostgreSQL: lower
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
        try {
            connection.close();
        } finally {
            cacheConnection.close();
        }
    }

    /** Now in UTC to the microsecond, as the product writes CHANGED_AT. */
    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS),
                ZoneOffset.UTC));
    }

    private static String taskNo(long value) {
        return TASK_PREFIX + String.format(Locale.ROOT, "%0" + TASK_DIGITS + "d", value);
    }

    private static long nextValue(PreparedStatement sequence) throws SQLException {
        try (ResultSet rs = sequence.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Numbers entries as EclipseLink does for the module: the sequence steps by {@link EntryTable#NUMBERS_PER_FETCH}
     * and a fetched value v gives the numbers v - NUMBERS_PER_FETCH + 1 … v (now one database call per entry, after
     * the row lock, as the module does).
     */
    private long nextEntryNo() throws SQLException {
        if (nextNumber > lastNumber) {
            lastNumber = nextValue(nextNumbers);
            nextNumber = lastNumber - EntryTable.NUMBERS_PER_FETCH + 1;
        }
        return nextNumber++;
    }
}
