package org.opportune.opportunities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.opportune.api.ConflictException;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.Roles;
import org.opportune.api.opportunity.CloseOutcome;
import org.opportune.api.opportunity.Move;
import org.opportune.api.opportunity.MoveParticipant;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityEvents;
import org.opportune.api.opportunity.StageUpdate;

/**
 * A participant of another module writes on the move's own connection ({@code SharedTransactions.joined()}): what it
 * writes commits with the move and is rolled back with it, whoever refuses; a deletion is offered to the
 * participants in its transaction before anything of the opportunity is deleted.
 */
public class SharedTransactionTest extends OpportunityTestSupport {
    private static final Caller MIA = Caller.user("mia", java.util.Set.of(Roles.SALES_MANAGER));

    /** What the participant writes: a table of "another module", on the same database. */
    @BeforeClass
    public static void noteTable() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE PARTICIPANT_NOTE (OPP_NO VARCHAR(20) NOT NULL, ENTRY_NO BIGINT,"
                    + " NOTE VARCHAR(50) NOT NULL)");
        }
    }

    /** Entries of the move the participant saw on the joined connection: written, not yet committed. */
    private final List<Integer> stagesSeen = new ArrayList<>();

    /** Notes every move and deletion on the joined connection, reading the move's own entry there first. */
    private final MoveParticipant writer = new MoveParticipant() {
        @Override
        public void moved(Move move) {
            Connection connection = sharing.joined().orElseThrow();
            stagesSeen.add(stageOf(connection, move.entry().entryNo()));
            note(connection, move.opportunity().no(), move.entry().entryNo(), "moved");
        }

        @Override
        public void deleting(Opportunity opportunity) {
            Connection connection = sharing.joined().orElseThrow();
            // the opportunity and its entries are still there: the participant deletes what refers to them first
            assertEquals(1, count(connection, "SELECT COUNT(*) FROM OPPORTUNITY WHERE OPP_NO = ?", opportunity.no()));
            assertTrue(count(connection, "SELECT COUNT(*) FROM OPPORTUNITY_ENTRY WHERE OPP_NO = ?",
                    opportunity.no()) > 0);
            note(connection, opportunity.no(), null, "deleting");
        }
    };

    @Before
    public void writerTakesPart() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM PARTICIPANT_NOTE");
        }
        service.addMoveParticipant(writer, participant("writer", 10, 100L));
    }

    private static Map<String, Object> participant(String name, int ranking, long serviceId) {
        return Map.of(MoveParticipant.NAME_PROPERTY, name, "service.ranking", ranking, "service.id", serviceId);
    }

    // ---- moves -----------------------------------------------------------------------------------

    @Test
    public void whatAParticipantWritesOnTheJoinedConnectionCommitsWithTheMove() throws SQLException {
        Opportunity opportunity = started();
        Opportunity moved = service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        service.close(moved.no(), closing(CloseOutcome.LOST, "PRICE", null, null), null);

        assertEquals("the participant read each move's uncommitted entry in the move's transaction",
                List.of(1, 2, 0), stagesSeen);
        assertEquals(List.of("moved " + entries(opportunity.no()).get(0).entryNo(),
                "moved " + entries(opportunity.no()).get(1).entryNo(),
                "moved " + lastEntry(opportunity.no()).entryNo()), notes(opportunity.no()));
        assertTrue("outside a move nothing is shared", sharing.joined().isEmpty());
    }

    @Test
    public void aLaterParticipantsRefusalRollsBackWhatAnEarlierOneWrote() throws SQLException {
        Opportunity opportunity = started();
        ConflictException refusal = new ConflictException("no");
        service.addMoveParticipant(move -> {
            throw refusal;
        }, participant("refuser", 0, 101L));

        assertSame(refusal, assertThrows(ConflictException.class,
                () -> service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null)));
        assertSame(refusal, assertThrows(ConflictException.class, () -> started()));
        assertEquals("the writer was called twice", 2, stagesSeen.size() - 1);
        assertEquals("only the note of the first, unrefused create is left", 1, allNotes());
        assertEquals(1, entries(opportunity.no()).size());
    }

    @Test
    public void aRuleRefusingAMoveLeavesTheParticipantUncalledAndNothingWritten() throws SQLException {
        Opportunity opportunity = startedAt(4);
        int notes = allNotes();
        // NEXT from the last stage: the engine refuses before anything is written or offered
        assertThrows(ConflictException.class,
                () -> service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null));
        assertEquals(notes, allNotes());
        assertEquals(4, entries(opportunity.no()).size());
    }

    @Test
    public void aRetriedMoveWritesOnItsNewConnectionOnce() throws SQLException {
        Opportunity opportunity = started();
        AtomicInteger attempts = new AtomicInteger();
        service.addMoveParticipant(move -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("lost a race", new SQLException("deadlock", "40001"));
            }
        }, participant("racer", 0, 101L));

        service.move(opportunity.no(), StageUpdate.of(OpportunityAction.NEXT), null);
        assertEquals(2, attempts.get());
        assertEquals("the first attempt's note was rolled back with it", 2, notes(opportunity.no()).size());
    }

    // ---- deletion ------------------------------------------------------------------------------

    @Test
    public void aDeletionIsOfferedInItsTransactionBeforeTheOpportunityGoes() throws SQLException {
        Opportunity opportunity = started();
        Opportunity closed = service.close(opportunity.no(), closing(CloseOutcome.WON, "WIN1", null, d("5")), null);
        callers.runAs(MIA, () -> service.delete(closed.no(), null));

        assertTrue(service.find(closed.no()).isEmpty());
        List<String> notes = notes(closed.no());
        assertEquals("deleting", notes.get(notes.size() - 1));
    }

    @Test
    public void aParticipantThatThrowsOnDeletingRefusesTheDeletion() throws SQLException {
        Opportunity opportunity = started();
        Opportunity closed = service.close(opportunity.no(), closing(CloseOutcome.WON, "WIN1", null, d("5")), null);
        int notes = allNotes();
        int events = eventAdmin.posted.size();
        ConflictException refusal = new ConflictException("it has open tasks of another kind");
        service.addMoveParticipant(new MoveParticipant() {
            @Override
            public void moved(Move move) {
            }

            @Override
            public void deleting(Opportunity deleted) {
                throw refusal;
            }
        }, participant("keeper", 0, 101L));

        assertSame(refusal, assertThrows(ConflictException.class,
                () -> callers.runAs(MIA, () -> service.delete(closed.no(), null))));
        assertEquals(closed, service.get(closed.no()));
        assertEquals(2, entries(closed.no()).size());
        assertEquals("the writer's note (called first) was rolled back", notes, allNotes());
        assertEquals(events, eventAdmin.posted.size());
        assertTrue(eventAdmin.topics().stream().noneMatch(OpportunityEvents.DELETED::equals));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static int stageOf(Connection connection, long entryNo) {
        try (PreparedStatement statement = connection
                .prepareStatement("SELECT STAGE FROM OPPORTUNITY_ENTRY WHERE ENTRY_NO = ?")) {
            statement.setLong(1, entryNo);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getInt(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void note(Connection connection, String no, Long entryNo, String note) {
        try (PreparedStatement statement = connection
                .prepareStatement("INSERT INTO PARTICIPANT_NOTE (OPP_NO, ENTRY_NO, NOTE) VALUES (?, ?, ?)")) {
            statement.setString(1, no);
            statement.setObject(2, entryNo);
            statement.setString(3, note);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(Connection connection, String sql, String no) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, no);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The committed notes of an opportunity, oldest first, read on a connection of its own. */
    private static List<String> notes(String no) throws SQLException {
        List<String> notes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection
                .prepareStatement("SELECT NOTE, ENTRY_NO FROM PARTICIPANT_NOTE WHERE OPP_NO = ?"
                        + " ORDER BY ENTRY_NO")) {
            statement.setString(1, no);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long entryNo = rows.getLong(2);
                    notes.add(rows.wasNull() ? rows.getString(1) : rows.getString(1) + " " + entryNo);
                }
            }
        }
        return notes;
    }

    private static int allNotes() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM PARTICIPANT_NOTE")) {
            row.next();
            return row.getInt(1);
        }
    }
}
