package org.opportune.tasks.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.opportune.api.ConflictException;
import org.opportune.api.dateformula.DateFormula;
import org.opportune.api.opportunity.Move;
import org.opportune.api.opportunity.MoveParticipant;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.task.TaskPriority;
import org.opportune.api.task.TaskStatus;
import org.opportune.api.task.TaskType;
import org.opportune.persistence.SharedTransactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Turns a stage's activity into tasks (DOMAIN §10) and cancels an opportunity's open tasks, inside the move's
 * transaction, on its connection ({@link SharedTransactions#joined()}): a refused or rolled-back move makes and
 * cancels nothing, and no second pooled connection is taken. Plain JDBC, a few statements a move. It keeps nothing
 * of a move outside that connection, so a retried move simply does it all again in the new transaction.
 */
@Component(service = MoveParticipant.class, configurationPid = TasksConfig.PID,
        property = MoveParticipant.NAME_PROPERTY + "=" + MoveParticipant.TASKS)
public class TaskParticipant implements MoveParticipant {
    /** More formula texts than activities' steps use in practice: past it the cache starts over. */
    private static final int FORMULA_CACHE_SIZE = 1000;

    private static final String CANCEL_OPEN = "UPDATE TASK SET STATUS = ?, VERSION = VERSION + 1, CHANGED_BY = ?,"
            + " CHANGED_AT = ? WHERE OPPORTUNITY_NO = ? AND STATUS = ?";
    /** The activity and its steps in one statement; a step-less activity gives one row of nulls for steps. */
    private static final String ACTIVITY = "SELECT a.DESCRIPTION, s.STEP, s.TYPE, s.DESCRIPTION, s.PRIORITY,"
            + " s.DATE_FORMULA FROM ACTIVITY a LEFT OUTER JOIN ACTIVITY_STEP s ON s.ACTIVITY_CODE = a.CODE"
            + " WHERE a.CODE = ? ORDER BY s.STEP";
    private static final String INSERT = "INSERT INTO TASK (TASK_NO, TYPE, DESCRIPTION, TASK_DATE, PRIORITY, STATUS,"
            + " SALESPERSON_CODE, CONTACT_NO, OPPORTUNITY_NO, OPPORTUNITY_ENTRY_NO, ACTIVITY_CODE, STEP, VERSION,"
            + " CHANGED_BY, CHANGED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)";
    private static final String DELETE = "DELETE FROM TASK WHERE OPPORTUNITY_NO = ?";

    private final SharedTransactions transactions;
    private final TasksDatabase database;
    /**
     * "Now" for changedAt, when a clock service is registered for it (tests, demo data). Its own reference, not
     * {@link Collaborators}': those bind the opportunity service, which binds this participant while it starts — a
     * cycle DS would break by leaving the participant out.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + OpportunityService.CLOCK_PROPERTY + "=*)")
    volatile Clock clock;
    private final TaskNumbers numbers;
    private final Map<String, DateFormula> formulas = new ConcurrentHashMap<>();

    /** @param database referenced so that the participant takes part only once the tables are in place */
    @Activate
    public TaskParticipant(@Reference SharedTransactions transactions, @Reference TasksDatabase database,
            TasksConfig config) {
        this.transactions = transactions;
        this.database = database;
        this.numbers = TaskNumbers.configured(config);
    }

    @Override
    public void moved(Move move) {
        List<TaskRules.Work> work = TaskRules.workFor(move);
        if (work.isEmpty()) {
            return;
        }
        Connection connection = joined();
        Timestamp now = Timestamp.valueOf(LocalDateTime.ofInstant(
                now().instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        String by = move.caller().userName();
        try {
            for (TaskRules.Work step : work) {
                switch (step) {
                    case CANCEL_OPEN_TASKS -> cancelOpenTasks(connection, move.opportunity().no(), by, now);
                    case CREATE_TASKS -> createTasks(connection, move, by, now);
                }
            }
        } catch (SQLException e) {
            // the SQL state stays in the cause: the move's transaction retries a lost lock race
            throw new IllegalStateException("the tasks of opportunity " + move.opportunity().no()
                    + " could not be written: " + e.getMessage(), e);
        }
    }

    @Override
    public void deleting(Opportunity opportunity) {
        try (PreparedStatement delete = joined().prepareStatement(DELETE)) {
            delete.setString(1, opportunity.no());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the tasks of opportunity " + opportunity.no()
                    + " could not be deleted: " + e.getMessage(), e);
        }
    }

    private Clock now() {
        Clock bound = clock;
        return bound == null ? Clock.systemUTC() : bound;
    }

    private Connection joined() {
        return transactions.joined().orElseThrow(() -> new IllegalStateException(
                "a move shares its transaction with its participants, yet none is shared on this thread"));
    }

    private static void cancelOpenTasks(Connection connection, String opportunityNo, String by, Timestamp now)
            throws SQLException {
        try (PreparedStatement cancel = connection.prepareStatement(CANCEL_OPEN)) {
            cancel.setString(1, TaskStatus.CANCELED.name());
            cancel.setString(2, by);
            cancel.setTimestamp(3, now);
            cancel.setString(4, opportunityNo);
            cancel.setString(5, TaskStatus.OPEN.name());
            cancel.executeUpdate();
        }
    }

    private void createTasks(Connection connection, Move move, String by, Timestamp now) throws SQLException {
        String activityCode = move.activityCode().orElseThrow();
        List<PlannedTask> tasks = plannedTasks(connection, move, activityCode);
        Opportunity opportunity = move.opportunity();
        try (PreparedStatement number = connection.prepareStatement(database.nextTaskNumberSql());
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (PlannedTask task : tasks) {
                insert.setString(1, numbers.format(nextNumber(number)));
                insert.setString(2, task.type().name());
                insert.setString(3, task.description());
                insert.setDate(4, Date.valueOf(task.date()));
                insert.setString(5, task.priority().name());
                insert.setString(6, TaskStatus.OPEN.name());
                insert.setString(7, opportunity.salespersonCode());
                insert.setString(8, opportunity.contactNo());
                insert.setString(9, opportunity.no());
                insert.setLong(10, move.entry().entryNo());
                insert.setString(11, activityCode);
                if (task.step() == null) {
                    insert.setNull(12, Types.INTEGER);
                } else {
                    insert.setInt(12, task.step());
                }
                insert.setString(13, by);
                insert.setTimestamp(14, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** @throws ConflictException the stage names an activity that does not exist (deleted meanwhile, say) */
    private List<PlannedTask> plannedTasks(Connection connection, Move move, String activityCode)
            throws SQLException {
        String description = null;
        List<ActivityStepView> steps = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(ACTIVITY)) {
            select.setString(1, activityCode);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    description = rows.getString(1);
                    int step = rows.getInt(2);
                    if (!rows.wasNull()) {
                        steps.add(new ActivityStepView(step, TaskType.valueOf(rows.getString(3)), rows.getString(4),
                                TaskPriority.valueOf(rows.getString(5)), rows.getString(6)));
                    }
                }
            }
        }
        if (description == null) {
            throw new ConflictException("stage " + move.entry().stage() + " of sales cycle "
                    + move.entry().salesCycleCode() + " names activity " + activityCode
                    + ", which does not exist; nothing was changed: create the activity or change the stage");
        }
        return TaskRules.tasksOf(description, steps, move.entry().dateOfChange(), this::formula);
    }

    private static long nextNumber(PreparedStatement number) throws SQLException {
        try (ResultSet row = number.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Steps share a few formula texts: each is read once. */
    private DateFormula formula(String text) {
        if (formulas.size() > FORMULA_CACHE_SIZE) {
            formulas.clear();
        }
        return formulas.computeIfAbsent(text, DateFormula::parse);
    }
}
