package org.opportune.opportunities.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityEntry;

/**
 * A move's statements (an activation or a change of stage) as plain JDBC on the move's transaction: lock and read the
 * opportunity, ask whether it reached the stage it enters before, make its active entry inactive, insert the new
 * entry with a number drawn from the sequence, copy it onto the opportunity with the version check. EclipseLink's unit of work (change tracking, flush ordering, its
 * batch writer) cost more server CPU for these few rows than the database's own work did; every other write keeps
 * using it. The rows are the entities' (read with {@link OpportunityEntity#fromRow}, views of what is written),
 * so the rules stay in one place.
 */
final class MoveStatements {
    private static final String ENTRY_COLUMNS = "ENTRY_NO, OPP_NO, SALES_CYCLE_CODE, STAGE, STAGE_DESCRIPTION,"
            + " PREVIOUS_STAGE, ACTION_TAKEN, DATE_OF_CHANGE, ACTIVE, DAYS_OPEN, DATE_CLOSED, ESTIMATED_VALUE,"
            + " CALCULATED_CURRENT_VALUE, COMPLETED_PERCENT, CHANCES_OF_SUCCESS_PERCENT, PROBABILITY_PERCENT,"
            + " ESTIMATED_CLOSE_DATE, CLOSE_CODE, CONTACT_NO, CONTACT_COMPANY_NO, SALESPERSON_CODE, CHANGED_BY,"
            + " CHANGED_AT";
    private static final String INSERT_ENTRY = "INSERT INTO OPPORTUNITY_ENTRY (" + ENTRY_COLUMNS + ") VALUES"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ENTRY_LEFT = "SELECT DATE_OF_CHANGE, SALES_CYCLE_CODE, STAGE FROM OPPORTUNITY_ENTRY"
            + " WHERE ENTRY_NO = ?";
    /** One probe of ENTRY_OPPORTUNITY_STAGE. */
    private static final String STAGE_REACHED = "SELECT ENTRY_NO FROM OPPORTUNITY_ENTRY WHERE OPP_NO = ? AND STAGE = ?"
            + " FETCH FIRST 1 ROWS ONLY";
    /** As {@link OpportunityEntryEntity#deactivate} does: days open, and valid to the next entry's date. */
    private static final String DEACTIVATE = "UPDATE OPPORTUNITY_ENTRY SET ACTIVE = ?, DAYS_OPEN = ?, VALID_TO = ?"
            + " WHERE ENTRY_NO = ?";
    private static final String UPDATE_OPPORTUNITY = "UPDATE OPPORTUNITY SET CURRENT_STAGE = ?, ESTIMATED_VALUE = ?,"
            + " CALCULATED_CURRENT_VALUE = ?, CHANCES_OF_SUCCESS_PERCENT = ?, COMPLETED_PERCENT = ?,"
            + " PROBABILITY_PERCENT = ?, ESTIMATED_CLOSE_DATE = ?, CLOSE_CODE = ?, LAST_DATE_OF_CHANGE = ?,"
            + " ACTIVE_ENTRY_NO = ?, STATUS = ?, CLOSED = ?, DATE_CLOSED = ?, VERSION = ?, CHANGED_BY = ?,"
            + " CHANGED_AT = ? WHERE OPP_NO = ? AND VERSION = ?";

    private final String lockOpportunity;
    private final String nextEntryNo;

    /** @param databaseProductName what the DataSource's driver calls its database: Derby or PostgreSQL */
    MoveStatements(String databaseProductName) {
        String product = databaseProductName.toLowerCase(Locale.ROOT);
        String select = "SELECT * FROM OPPORTUNITY WHERE OPP_NO = ?";
        if (product.contains("derby")) {
            // WITH RS: the row lock is held to the commit, as EclipseLink's pessimistic lock on Derby does
            lockOpportunity = select + " FOR UPDATE WITH RS";
            nextEntryNo = "VALUES NEXT VALUE FOR OPPORTUNITY_ENTRY_NO";
        } else if (product.contains("postgres")) {
            lockOpportunity = select + " FOR UPDATE";
            nextEntryNo = "SELECT nextval('opportunity_entry_no')";
        } else {
            throw new IllegalStateException("opportunities are kept on Derby and PostgreSQL only, not on "
                    + databaseProductName);
        }
    }

    /** @return the opportunity, its row locked until the transaction ends; null when there is none */
    OpportunityEntity lock(Connection connection, String no) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(lockOpportunity)) {
            select.setString(1, no);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OpportunityEntity.fromRow(row) : null;
            }
        }
    }

    /**
     * The active entry {@code entryNo} of {@code opportunityNo} is followed by an entry dated {@code next}.
     *
     * @return the entry as it is now, inactive, for the stage figures
     */
    StageFigures.Entry deactivate(Connection connection, String opportunityNo, long entryNo, LocalDate next)
            throws SQLException {
        LocalDate dateOfChange;
        String cycle;
        int stage;
        try (PreparedStatement select = connection.prepareStatement(ENTRY_LEFT)) {
            select.setLong(1, entryNo);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the active entry " + entryNo + " of opportunity " + opportunityNo
                            + " is missing");
                }
                dateOfChange = Rows.date(row, "DATE_OF_CHANGE");
                cycle = row.getString("SALES_CYCLE_CODE");
                stage = row.getInt("STAGE");
            }
        }
        int daysOpen = Math.toIntExact(ChronoUnit.DAYS.between(dateOfChange, next));
        try (PreparedStatement update = connection.prepareStatement(DEACTIVATE)) {
            update.setBoolean(1, false);
            update.setInt(2, daysOpen);
            update.setDate(3, Rows.sqlDate(next));
            update.setLong(4, entryNo);
            update.executeUpdate();
        }
        return new StageFigures.Entry(entryNo, cycle, stage, false, daysOpen);
    }

    /** @return whether the opportunity has an entry at the stage */
    boolean reached(Connection connection, String opportunityNo, int stage) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(STAGE_REACHED)) {
            select.setString(1, opportunityNo);
            select.setInt(2, stage);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Draws the next entry number on the move's connection, after the lock (see {@link OpportunityEntryEntity}). */
    long nextEntryNo(Connection connection) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement(nextEntryNo); ResultSet row = next.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    void insert(Connection connection, OpportunityEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ENTRY)) {
            insert.setLong(1, entry.entryNo());
            insert.setString(2, entry.opportunityNo());
            insert.setString(3, entry.salesCycleCode());
            insert.setInt(4, entry.stage());
            insert.setString(5, entry.stageDescription());
            setInteger(insert, 6, entry.previousStage());
            insert.setString(7, entry.actionTaken().name());
            insert.setDate(8, Rows.sqlDate(entry.dateOfChange()));
            insert.setBoolean(9, entry.active());
            insert.setInt(10, entry.daysOpen());
            insert.setDate(11, Rows.sqlDate(entry.dateClosed()));
            insert.setBigDecimal(12, entry.estimatedValue());
            insert.setBigDecimal(13, entry.calculatedCurrentValue());
            insert.setBigDecimal(14, entry.completedPercent());
            insert.setBigDecimal(15, entry.chancesOfSuccessPercent());
            insert.setBigDecimal(16, entry.probabilityPercent());
            insert.setDate(17, Rows.sqlDate(entry.estimatedCloseDate()));
            insert.setString(18, entry.closeCode());
            insert.setString(19, entry.contactNo());
            insert.setString(20, entry.contactCompanyNo());
            insert.setString(21, entry.salespersonCode());
            insert.setString(22, entry.changedBy());
            insert.setTimestamp(23, timestamp(entry.changedAt()));
            insert.executeUpdate();
        }
    }

    /**
     * Writes the moved opportunity's values, stamp and raised version.
     *
     * @param storedVersion the version the row was locked at
     */
    void update(Connection connection, Opportunity moved, OpportunityEntity entity, long storedVersion)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE_OPPORTUNITY)) {
            setInteger(update, 1, moved.currentStage());
            update.setBigDecimal(2, moved.estimatedValue());
            update.setBigDecimal(3, moved.calculatedCurrentValue());
            update.setBigDecimal(4, moved.chancesOfSuccessPercent());
            update.setBigDecimal(5, moved.completedPercent());
            update.setBigDecimal(6, moved.probabilityPercent());
            update.setDate(7, Rows.sqlDate(moved.estimatedCloseDate()));
            update.setString(8, moved.closeCode());
            update.setDate(9, Rows.sqlDate(entity.lastDateOfChange()));
            update.setLong(10, entity.activeEntryNo());
            update.setString(11, moved.status().name());
            update.setBoolean(12, moved.closed());
            update.setDate(13, Rows.sqlDate(moved.dateClosed()));
            update.setLong(14, moved.version());
            update.setString(15, moved.changedBy());
            update.setTimestamp(16, timestamp(moved.changedAt()));
            update.setString(17, moved.no());
            update.setLong(18, storedVersion);
            if (update.executeUpdate() != 1) { // cannot happen under the row lock; never write half a move
                throw new IllegalStateException("opportunity " + moved.no() + " changed under its lock");
            }
        }
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }
}
