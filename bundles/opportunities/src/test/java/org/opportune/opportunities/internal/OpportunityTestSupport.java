package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.opportune.persistence.SchemaMigrations;
import org.opportune.persistence.SharedTransactions;
import org.opportune.api.PageRequest;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.api.opportunity.Activation;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.NewOpportunity;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityChange;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.api.opportunity.OpportunityEvents;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.rule.TransitionRule;
import org.opportune.persistence.ThreadCallerContext;
import org.opportune.opportunities.internal.rules.AllowSkipRule;
import org.opportune.opportunities.internal.rules.QuoteRequiredRule;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.EventHandler;

/**
 * The module on an in-memory Derby with fakes of the other modules' services and the built-in
 * rules bound, as DS would bind them. Today is 2024-01-10 unless a test moves the clock.
 * <p>
 * Master data: salespeople JO, KIM and BL (blocked); company CT1 (salesperson JO) with persons CT2
 * (no salesperson) and CT5 (salesperson BL), company CT3 (KIM), person CT4 without company or
 * salesperson; the cycle STD of DOMAIN §9 (MULTIPLY; stages 1..4 with completed / chances /
 * formula / allow skip 10/20/5D/no, 30/40/10D/yes, 60/50/7D/yes, 80/75/14D/no), EMPTY without
 * stages, OLD blocked; close codes WIN1 (WON) and PRICE (LOST).
 */
public abstract class OpportunityTestSupport {
    static final LocalDate JAN_10 = LocalDate.of(2024, 1, 10);

    /** One database per test class (building it is the slow part); emptied before every test. */
    static EmbeddedDataSource dataSource;
    /** The installation's one transaction scope, which move participants join. */
    static final SharedTransactions sharing = new SharedTransactions();
    static OpportunityStore store;

    OpportunityServiceImpl service;
    final Modules modules = new Modules();
    /** No caller is bound unless a test binds one: the service then acts for {@code system}. */
    final ThreadCallerContext callers = new ThreadCallerContext();
    final TestClock clock = new TestClock(JAN_10);
    final FakeContacts contacts = new FakeContacts();
    final FakeSalespeople salespeople = new FakeSalespeople();
    final FakeCycles cycles = new FakeCycles();
    final FakeCloseCodes closeCodes = new FakeCloseCodes();
    final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    /** Some handler listens to every event of the module: they are made and posted. */
    final ServiceReference<EventHandler> everyOpportunityEvent = EventHandlers.listeningTo(
            OpportunityEvents.TOPIC_ALL);
    final QuoteRequiredRule quoteRequiredRule = new QuoteRequiredRule();
    final AllowSkipRule allowSkipRule = new AllowSkipRule();

    @BeforeClass
    public static void createDatabase() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        store = new OpportunityStore(dataSource, new SchemaMigrations(), sharing);
    }

    @AfterClass
    public static void dropDatabase() {
        store.close();
        dataSource.setCreateDatabase(null);
        dataSource.setConnectionAttributes("drop=true");
        try {
            dataSource.getConnection().close();
        } catch (SQLException dropped) {
            // Derby reports a dropped database as an exception
        }
    }

    @Before
    public void startModule() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM OPPORTUNITY_STALE_NOTICE");
            statement.executeUpdate("DELETE FROM OPPORTUNITY_ENTRY");
            statement.executeUpdate("DELETE FROM STAGE_FIGURES");
            statement.executeUpdate("DELETE FROM OPPORTUNITY");
            statement.executeUpdate("DELETE FROM NUMBER_SERIES");
        }
        modules.contacts = contacts;
        modules.salespeople = salespeople;
        modules.cycles = cycles;
        modules.closeCodes = closeCodes;
        modules.eventAdmin = eventAdmin;
        modules.addEventHandler(everyOpportunityEvent);
        modules.clock = clock;
        service = new OpportunityServiceImpl(store, modules, callers, config("OP", 6));
        service.addTransitionRule(quoteRequiredRule, ruleProperties(QuoteRequiredRule.NAME, 0, 1L));
        service.addTransitionRule(allowSkipRule, ruleProperties(AllowSkipRule.NAME, 0, 2L));

        salespeople.add("JO", false);
        salespeople.add("KIM", false);
        salespeople.add("BL", true);
        contacts.company("CT1", "Cronus Ltd", "JO");
        contacts.person("CT2", "Ann Smith", "CT1", null);
        contacts.company("CT3", "Fabrikam", "KIM");
        contacts.person("CT4", "Bob Lone", null, null);
        contacts.person("CT5", "Eve Blocked", "CT1", "BL");
        cycles.add("STD", "MULTIPLY", false,
                FakeCycles.stage(1, "Initial", "10", "20", "5D", false, false),
                FakeCycles.stage(2, "Presentation", "30", "40", "10D", true, false),
                FakeCycles.stage(3, "Proposal", "60", "50", "7D", true, false),
                FakeCycles.stage(4, "Negotiation", "80", "75", "14D", false, false));
        cycles.add("EMPTY", "MULTIPLY", false);
        cycles.add("OLD", "MULTIPLY", true, FakeCycles.stage(1, "Only", "50", "50", null, false, false));
        closeCodes.add("WIN1", CloseOpportunityCodeType.WON);
        closeCodes.add("PRICE", CloseOpportunityCodeType.LOST);
    }

    static OpportunitiesConfig config(String prefix, int digits) {
        return new OpportunitiesConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return OpportunitiesConfig.class;
            }

            @Override
            public String numberPrefix() {
                return prefix;
            }

            @Override
            public int numberDigits() {
                return digits;
            }

            @Override
            public int staleCheckSeconds() {
                return 3600;
            }
        };
    }

    static Map<String, Object> ruleProperties(String name, int ranking, long serviceId) {
        return Map.of(TransitionRule.NAME_PROPERTY, name, TransitionRule.DESCRIPTION_PROPERTY, "rule " + name,
                "service.ranking", ranking, "service.id", serviceId);
    }

    /** A not-started opportunity of CT1 (salesperson JO) on STD. */
    Opportunity createOpportunity() {
        return service.create(newOpportunity(null, "Big deal", "CT1", null, "STD", null));
    }

    /** An opportunity of CT1 on {@code cycle}, started today at its first stage with EV 10000 and chances 25. */
    Opportunity startedOn(String cycle) {
        return service.create(newOpportunity(null, "Big deal", "CT1", null, cycle, null,
                activation(null, d("10000"), d("25"), clock.today().plusMonths(2))));
    }

    Opportunity started() {
        return startedOn("STD");
    }

    /** A started opportunity on STD moved on to {@code stage} by NEXT moves dated today. */
    Opportunity startedAt(int stage) {
        Opportunity opportunity = started();
        for (int current = 1; current < stage; current++) {
            opportunity = service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        }
        return opportunity;
    }

    List<OpportunityEntry> entries(String no) {
        return service.entries(no, PageRequest.of(0, PageRequest.MAX_LIMIT, null)).items();
    }

    OpportunityEntry lastEntry(String no) {
        List<OpportunityEntry> entries = entries(no);
        return entries.get(entries.size() - 1);
    }

    // ---- inputs, each value in the order of the fields it sets ---------------------------------------

    static NewOpportunity newOpportunity(String no, String description, String contactNo, String salespersonCode,
            String salesCycleCode, OpportunityPriority priority) {
        return newOpportunity(no, description, contactNo, salespersonCode, salesCycleCode, priority, null);
    }

    static NewOpportunity newOpportunity(String no, String description, String contactNo, String salespersonCode,
            String salesCycleCode, OpportunityPriority priority, Activation activation) {
        return NewOpportunity.builder().no(no).description(description).contactNo(contactNo)
                .salespersonCode(salespersonCode).salesCycleCode(salesCycleCode).priority(priority)
                .activation(activation).build();
    }

    static Activation activation(LocalDate dateOfChange, BigDecimal estimatedValue, BigDecimal chances,
            LocalDate estimatedCloseDate) {
        return Activation.builder().dateOfChange(dateOfChange).estimatedValue(estimatedValue)
                .chancesOfSuccessPercent(chances).estimatedCloseDate(estimatedCloseDate).build();
    }

    /** The editable fields of {@code current} replaced by these. */
    static OpportunityChange change(Opportunity current, String description, String contactNo,
            String salespersonCode, String salesCycleCode, OpportunityPriority priority) {
        return OpportunityChange.from(current).description(description).contactNo(contactNo)
                .salespersonCode(salespersonCode).salesCycleCode(salesCycleCode).priority(priority).build();
    }

    /** The editable fields of {@code current} as they are. */
    static OpportunityChange unchanged(Opportunity current) {
        return OpportunityChange.from(current).build();
    }

    static StageUpdate stageUpdate(OpportunityAction action, Integer stage, LocalDate dateOfChange,
            BigDecimal estimatedValue, BigDecimal chances, LocalDate estimatedCloseDate) {
        return StageUpdate.builder(action).stage(stage).dateOfChange(dateOfChange).estimatedValue(estimatedValue)
                .chancesOfSuccessPercent(chances).estimatedCloseDate(estimatedCloseDate).build();
    }

    static Closing closing(CloseOutcome outcome, String closeCode, LocalDate dateClosed, BigDecimal value) {
        return Closing.builder(outcome, closeCode).dateClosed(dateClosed).value(value).build();
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** Compares numbers by value: 2.5 equals 2.50. */
    static void assertNumber(String expected, BigDecimal actual) {
        assertNotNull("expected " + expected + " but was null", actual);
        if (new BigDecimal(expected).compareTo(actual) != 0) {
            fail("expected " + expected + " but was " + actual.toPlainString());
        }
    }

    static void assertNumber(String message, String expected, BigDecimal actual) {
        assertNotNull(message + ": expected " + expected + " but was null", actual);
        assertEquals(message, 0, new BigDecimal(expected).compareTo(actual));
    }
}
