package org.opportune.tasks.internal;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.opportune.api.PageRequest;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.Roles;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.Move;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.task.Task;
import org.opportune.api.task.TaskQuery;
import org.opportune.persistence.JpaUnit;
import org.opportune.persistence.SchemaMigrations;
import org.opportune.persistence.SharedTransactions;
import org.opportune.persistence.ThreadCallerContext;
import org.opportune.tasks.internal.TestViews.TestEntry;
import org.opportune.tasks.internal.TestViews.TestMove;

/**
 * The module on an in-memory Derby database with the other modules faked: salespeople JO (login {@code jo}), AL
 * (login {@code al}) and BL (blocked), contacts CT1 (JO's) and CT2 (AL's), opportunities OP1 (CT1, JO) and OP2
 * (CT2, AL); today is {@link #TODAY}. Moves run as the opportunities module runs them: in a transaction of a unit
 * that shares it ({@link #moves}).
 */
public abstract class TasksTestSupport {
    static final LocalDate TODAY = LocalDate.of(2025, 6, 16);
    static final Caller ADMIN = Caller.user("admin", Set.of(Roles.OPPORTUNE_ADMIN));
    static final Caller MANAGER = Caller.user("ann", Set.of(Roles.SALES_MANAGER));
    static final Caller VIEWER = Caller.user("vic", Set.of(Roles.SALES_VIEWER));
    static final Caller JO = Caller.user("jo", Set.of(Roles.SALESPERSON));
    static final Caller AL = Caller.user("al", Set.of(Roles.SALESPERSON));
    static final Caller UNLINKED = Caller.user("nobody", Set.of(Roles.SALESPERSON));
    static final Caller NO_ROLE = Caller.user("guest", Set.of());

    protected EmbeddedDataSource dataSource;
    protected TasksDatabase database;
    protected final ThreadCallerContext callers = new ThreadCallerContext();
    protected final SharedTransactions sharing = new SharedTransactions();
    protected final FakeSalespeople salespeople = new FakeSalespeople();
    protected final FakeContacts contacts = new FakeContacts();
    protected final FakeOpportunities opportunities = new FakeOpportunities(callers, salespeople);
    protected final TestClock clock = new TestClock(TODAY);
    protected final Collaborators collaborators = new Collaborators();
    protected ActivityServiceImpl activities;
    protected TaskServiceImpl tasks;
    protected TaskParticipant participant;
    /** The opportunities module's side of a move: a unit whose transactions its participants join. */
    protected JpaUnit moves;
    protected Opportunity op1;
    protected Opportunity op2;
    private long entryNo;

    @Before
    public void startModule() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        database = new TasksDatabase(dataSource, new SchemaMigrations());
        collaborators.salespeople = salespeople;
        collaborators.contacts = contacts;
        collaborators.opportunities = opportunities;
        collaborators.clock = clock;
        activities = new ActivityServiceImpl(database, callers);
        tasks = new TaskServiceImpl(database, callers, collaborators, config("TK", 6));
        participant = new TaskParticipant(sharing, database, config("TK", 6));
        participant.clock = clock;
        moves = new JpaUnit("opportune-tasks", dataSource, TasksTestSupport.class.getClassLoader(),
                new SchemaMigrations(), sharing);
        salespeople.add("JO", false, "jo");
        salespeople.add("AL", false, "al");
        salespeople.add("BL", true, null);
        contacts.add("CT1", "JO");
        contacts.add("CT2", "AL");
        op1 = opportunities.add("OP1", "CT1", "JO");
        op2 = opportunities.add("OP2", "CT2", "AL");
    }

    @After
    public void stopModule() {
        moves.close();
        database.close();
    }

    static TasksConfig config(String prefix, int digits) {
        return new TasksConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TasksConfig.class;
            }

            @Override
            public String numberPrefix() {
                return prefix;
            }

            @Override
            public int numberDigits() {
                return digits;
            }
        };
    }

    <T> T as(Caller caller, Supplier<T> call) {
        return callers.callAs(caller, call);
    }

    void asAdmin(Runnable call) {
        callers.runAs(ADMIN, call);
    }

    /** A move of {@code opportunity} into a stage naming {@code activityCode} (null for none), by the manager. */
    Move move(Opportunity opportunity, OpportunityAction action, String activityCode, LocalDate dateOfChange,
            boolean cancelOpenTasks) {
        ActionTaken taken = action == null ? ActionTaken.NONE : switch (action) {
            case FIRST -> ActionTaken.NONE;
            case NEXT -> ActionTaken.NEXT;
            case PREVIOUS -> ActionTaken.PREVIOUS;
            case SKIP, JUMP -> ActionTaken.JUMPED;
            case UPDATE -> ActionTaken.UPDATED;
        };
        return new TestMove(opportunity, new TestEntry(++entryNo, opportunity.no(), 2, taken, dateOfChange),
                Optional.ofNullable(action), cancelOpenTasks, Optional.ofNullable(activityCode), MANAGER);
    }

    /** A close as WON of {@code opportunity}: no action, a closing entry, no activity. */
    Move close(Opportunity opportunity, LocalDate dateOfChange, boolean cancelOpenTasks) {
        return new TestMove(opportunity, new TestEntry(++entryNo, opportunity.no(), 0, ActionTaken.WON, dateOfChange),
                Optional.empty(), cancelOpenTasks, Optional.empty(), MANAGER);
    }

    /** Runs the move as the opportunities module does: the participant inside the move's transaction. */
    void run(Move move) {
        moves.run(em -> participant.moved(move));
    }

    /** @return every task of the opportunity, by number, as the server sees them */
    List<Task> tasksOf(String opportunityNo) {
        return callers.callAs(Caller.system(), () -> tasks.list(
                new TaskQuery(opportunityNo, null, null, null, null, null, null), PageRequest.of(0, 500, "no"))
                .items());
    }
}
