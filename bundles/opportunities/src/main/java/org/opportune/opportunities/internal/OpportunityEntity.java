package org.opportune.opportunities.internal;

import static org.opportune.opportunities.internal.Decimals.plain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityPriority;
import org.opportune.api.opportunity.OpportunityStatus;
import org.opportune.api.opportunity.SalesQuote;
import org.opportune.persistence.AuditedEntity;

/**
 * An opportunity with the values of its active entry copied onto it, so that reads, lists and
 * statistics need no join; they are written in the transaction that writes the entry. The row is
 * also the lock every change of the opportunity and its entries takes first.
 */
@Entity
@Table(name = "OPPORTUNITY", indexes = {
        // a salesperson's and a company's figures, index-only; their open opportunities by the leading columns
        @Index(name = "OPPORTUNITY_SALESPERSON_FIGURES", columnList = "SALESPERSON_CODE,CLOSED,STATUS,"
                + "ESTIMATED_VALUE,CALCULATED_CURRENT_VALUE"),
        // a salesperson's list in the order it is shown, by the number: its first page without sorting them all
        @Index(name = "OPPORTUNITY_SALESPERSON_NO", columnList = "SALESPERSON_CODE,OPP_NO"),
        @Index(name = "OPPORTUNITY_CONTACT", columnList = "CONTACT_NO,CLOSED"),
        @Index(name = "OPPORTUNITY_COMPANY_FIGURES", columnList = "CONTACT_COMPANY_NO,CLOSED,STATUS,"
                + "ESTIMATED_VALUE,CALCULATED_CURRENT_VALUE"),
        // covers the cycle statistics (count and sums per stage of the open ones): an index-only scan
        @Index(name = "OPPORTUNITY_CYCLE_FIGURES", columnList = "SALES_CYCLE_CODE,STATUS,CURRENT_STAGE,"
                + "ESTIMATED_VALUE,CALCULATED_CURRENT_VALUE,ESTIMATED_CLOSE_DATE"),
        // the top open opportunities by value, read in index order
        @Index(name = "OPPORTUNITY_STATUS_VALUE", columnList = "STATUS,ESTIMATED_VALUE DESC,OPP_NO"),
        @Index(name = "OPPORTUNITY_CYCLE_ECD", columnList = "SALES_CYCLE_CODE,CLOSED,ESTIMATED_CLOSE_DATE"),
        // one cycle's opportunities by salesperson, in order, with their sums: index-only
        @Index(name = "OPPORTUNITY_CYCLE_SALESPERSON", columnList = "SALES_CYCLE_CODE,SALESPERSON_CODE,OPP_NO,STATUS,"
                + "ESTIMATED_VALUE,CALCULATED_CURRENT_VALUE"),
        @Index(name = "OPPORTUNITY_STATUS_CREATED", columnList = "STATUS,CREATION_DATE"),
        // closings in a period by salesperson, cycle and close code, with their sums: index-only
        @Index(name = "OPPORTUNITY_CLOSINGS", columnList = "DATE_CLOSED,STATUS,SALESPERSON_CODE,SALES_CYCLE_CODE,"
                + "CLOSE_CODE,ESTIMATED_VALUE,CALCULATED_CURRENT_VALUE") },
        uniqueConstraints = @UniqueConstraint(name = "OPPORTUNITY_SALES_QUOTE", columnNames = "SALES_QUOTE_NO"))
public class OpportunityEntity extends AuditedEntity {
    @Id
    @Column(name = "OPP_NO", length = Opportunity.NO_LENGTH)
    private String no;

    @Column(name = "DESCRIPTION", length = Opportunity.DESCRIPTION_LENGTH, nullable = false)
    private String description;

    @Column(name = "CONTACT_NO", length = Opportunity.NO_LENGTH, nullable = false)
    private String contactNo;

    @Column(name = "CONTACT_COMPANY_NO", length = Opportunity.NO_LENGTH)
    private String contactCompanyNo;

    @Column(name = "SALESPERSON_CODE", length = 20, nullable = false)
    private String salespersonCode;

    @Column(name = "SALES_CYCLE_CODE", length = SalesCycle.CODE_LENGTH, nullable = false)
    private String salesCycleCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "PRIORITY", length = 10, nullable = false)
    private OpportunityPriority priority;

    @Column(name = "CREATION_DATE", nullable = false)
    private LocalDate creationDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 12, nullable = false)
    private OpportunityStatus status;

    @Column(name = "CLOSED", nullable = false)
    private boolean closed;

    @Column(name = "DATE_CLOSED")
    private LocalDate dateClosed;

    /** The active entry's stage: null while not started, 0 once closed. */
    @Column(name = "CURRENT_STAGE")
    private Integer currentStage;

    @Column(name = "ESTIMATED_VALUE", precision = 31, scale = Decimals.AMOUNT_SCALE)
    private BigDecimal estimatedValue;

    @Column(name = "CALCULATED_CURRENT_VALUE", precision = 31, scale = Decimals.AMOUNT_SCALE)
    private BigDecimal calculatedCurrentValue;

    @Column(name = "CHANCES_OF_SUCCESS_PERCENT", precision = 20, scale = Decimals.PERCENT_SCALE)
    private BigDecimal chancesOfSuccessPercent;

    @Column(name = "COMPLETED_PERCENT", precision = 20, scale = Decimals.PERCENT_SCALE)
    private BigDecimal completedPercent;

    @Column(name = "PROBABILITY_PERCENT", precision = 20, scale = Decimals.PERCENT_SCALE)
    private BigDecimal probabilityPercent;

    @Column(name = "ESTIMATED_CLOSE_DATE")
    private LocalDate estimatedCloseDate;

    @Column(name = "CLOSE_CODE", length = 10)
    private String closeCode;

    /**
     * The active entry's date of change: the earliest date the next entry may have, and where {@code daysIdle} and
     * "stale" count from (DOMAIN §11), with no join.
     */
    @Column(name = "LAST_DATE_OF_CHANGE")
    private LocalDate lastDateOfChange;

    /** The active entry, found by its key when the next entry deactivates it. */
    @Column(name = "ACTIVE_ENTRY_NO")
    private Long activeEntryNo;

    @Column(name = "SALES_QUOTE_NO", length = SalesQuote.NO_LENGTH)
    private String salesQuoteNo;

    @Column(name = "SALES_QUOTE_AMOUNT", precision = 31, scale = Decimals.AMOUNT_SCALE)
    private BigDecimal salesQuoteAmount;

    protected OpportunityEntity() {
    }

    /** The opportunity as its row holds it, read with plain JDBC (see {@link MoveStatements}), not by EclipseLink. */
    static OpportunityEntity fromRow(ResultSet row) throws SQLException {
        OpportunityEntity entity = new OpportunityEntity();
        entity.no = row.getString("OPP_NO");
        entity.description = row.getString("DESCRIPTION");
        entity.contactNo = row.getString("CONTACT_NO");
        entity.contactCompanyNo = row.getString("CONTACT_COMPANY_NO");
        entity.salespersonCode = row.getString("SALESPERSON_CODE");
        entity.salesCycleCode = row.getString("SALES_CYCLE_CODE");
        entity.priority = OpportunityPriority.valueOf(row.getString("PRIORITY"));
        entity.creationDate = Rows.date(row, "CREATION_DATE");
        entity.status = OpportunityStatus.valueOf(row.getString("STATUS"));
        entity.closed = row.getBoolean("CLOSED");
        entity.dateClosed = Rows.date(row, "DATE_CLOSED");
        entity.currentStage = Rows.integer(row, "CURRENT_STAGE");
        entity.estimatedValue = row.getBigDecimal("ESTIMATED_VALUE");
        entity.calculatedCurrentValue = row.getBigDecimal("CALCULATED_CURRENT_VALUE");
        entity.chancesOfSuccessPercent = row.getBigDecimal("CHANCES_OF_SUCCESS_PERCENT");
        entity.completedPercent = row.getBigDecimal("COMPLETED_PERCENT");
        entity.probabilityPercent = row.getBigDecimal("PROBABILITY_PERCENT");
        entity.estimatedCloseDate = Rows.date(row, "ESTIMATED_CLOSE_DATE");
        entity.closeCode = row.getString("CLOSE_CODE");
        entity.lastDateOfChange = Rows.date(row, "LAST_DATE_OF_CHANGE");
        long activeEntry = row.getLong("ACTIVE_ENTRY_NO");
        entity.activeEntryNo = row.wasNull() ? null : activeEntry;
        entity.salesQuoteNo = row.getString("SALES_QUOTE_NO");
        entity.salesQuoteAmount = row.getBigDecimal("SALES_QUOTE_AMOUNT");
        entity.versionRead(row.getLong("VERSION"));
        Timestamp changedAt = row.getTimestamp("CHANGED_AT");
        entity.stampRead(row.getString("CHANGED_BY"), changedAt == null ? null : changedAt.toLocalDateTime());
        return entity;
    }

    OpportunityEntity(String no, LocalDate creationDate) {
        this.no = no;
        this.creationDate = creationDate;
        this.status = OpportunityStatus.NOT_STARTED;
    }

    /**
     * Copies the editable fields, checked and normalised.
     *
     * @return whether any of them changed (a change that changes nothing leaves the row as it is)
     */
    boolean apply(EditableFields fields) {
        boolean changed = !Objects.equals(description, fields.description())
                || !Objects.equals(contactNo, fields.contactNo())
                || !Objects.equals(contactCompanyNo, fields.contactCompanyNo())
                || !Objects.equals(salespersonCode, fields.salespersonCode())
                || !Objects.equals(salesCycleCode, fields.salesCycleCode()) || priority != fields.priority();
        description = fields.description();
        contactNo = fields.contactNo();
        contactCompanyNo = fields.contactCompanyNo();
        salespersonCode = fields.salespersonCode();
        salesCycleCode = fields.salesCycleCode();
        priority = fields.priority();
        return changed;
    }

    /** Makes {@code entry}, just written, the active one and copies its values. */
    void activate(OpportunityEntryEntity entry) {
        currentStage = entry.stage();
        estimatedValue = entry.estimatedValue();
        calculatedCurrentValue = entry.calculatedCurrentValue();
        chancesOfSuccessPercent = entry.chancesOfSuccessPercent();
        completedPercent = entry.completedPercent();
        probabilityPercent = entry.probabilityPercent();
        estimatedCloseDate = entry.estimatedCloseDate();
        closeCode = entry.closeCode();
        lastDateOfChange = entry.dateOfChange();
        activeEntryNo = entry.entryNo();
        if (entry.actionTaken() == ActionTaken.WON || entry.actionTaken() == ActionTaken.LOST) {
            status = entry.actionTaken() == ActionTaken.WON ? OpportunityStatus.WON : OpportunityStatus.LOST;
            closed = true;
            dateClosed = entry.dateClosed();
        } else {
            status = OpportunityStatus.IN_PROGRESS;
        }
    }

    /** @return whether the link changed (linking the same quote again leaves the row as it is) */
    boolean linkSalesQuote(SalesQuote quote) {
        String newNo = quote == null ? null : quote.no();
        BigDecimal newAmount = quote == null ? null : Decimals.amount(quote.amount());
        boolean changed = !Objects.equals(salesQuoteNo, newNo) || (salesQuoteAmount == null ? newAmount != null
                : newAmount == null || salesQuoteAmount.compareTo(newAmount) != 0);
        salesQuoteNo = newNo;
        salesQuoteAmount = newAmount;
        return changed;
    }

    /** For a write with plain JDBC: the version it stores (see {@link MoveStatements#update}). */
    long raiseVersion() {
        return raisedVersion();
    }

    /** @param today the day {@code daysIdle} counts to */
    Opportunity toView(LocalDate today) {
        return new OpportunityView(no, description, contactNo, contactCompanyNo, salespersonCode, salesCycleCode,
                priority, creationDate, status, closed, dateClosed, currentStage, plain(estimatedValue),
                plain(chancesOfSuccessPercent), plain(completedPercent), plain(probabilityPercent),
                plain(calculatedCurrentValue), estimatedCloseDate, closeCode, salesQuote(), daysIdle(today),
                version(), changedBy(), changedAt());
    }

    /**
     * Today − the active entry's date of change while in progress (DOMAIN §11), else null. An entry dated after
     * today (a date of change may lie ahead) has been idle for 0 days, not fewer.
     */
    Integer daysIdle(LocalDate today) {
        if (status != OpportunityStatus.IN_PROGRESS || lastDateOfChange == null) {
            return null;
        }
        return (int) Math.max(0, ChronoUnit.DAYS.between(lastDateOfChange, today));
    }

    SalesQuote salesQuote() {
        return salesQuoteNo == null ? null : new SalesQuote(salesQuoteNo, plain(salesQuoteAmount));
    }

    String no() {
        return no;
    }

    String contactNo() {
        return contactNo;
    }

    String contactCompanyNo() {
        return contactCompanyNo;
    }

    String salespersonCode() {
        return salespersonCode;
    }

    String salesCycleCode() {
        return salesCycleCode;
    }

    OpportunityStatus status() {
        return status;
    }

    boolean closed() {
        return closed;
    }

    LocalDate lastDateOfChange() {
        return lastDateOfChange;
    }

    Long activeEntryNo() {
        return activeEntryNo;
    }

    Integer currentStage() {
        return currentStage;
    }
}
