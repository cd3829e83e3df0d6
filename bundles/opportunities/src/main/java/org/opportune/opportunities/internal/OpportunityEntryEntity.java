package org.opportune.opportunities.internal;

import static org.opportune.opportunities.internal.Decimals.plain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.opportune.api.cycle.SalesCycle;
import org.opportune.api.cycle.SalesCycleStage;
import org.opportune.api.opportunity.ActionTaken;
import org.opportune.api.opportunity.Opportunity;
import org.opportune.api.opportunity.OpportunityEntry;
import org.opportune.opportunities.internal.engine.PlannedEntry;
import org.opportune.persistence.StampedEntity;

/**
 * One entry of the history. Written once; later only {@code active} and {@code daysOpen} change,
 * when the next entry is appended under the opportunity's lock. Its {@code changedBy} and
 * {@code changedAt} say who made its move and when, and stay so. It has no row version: only the
 * opportunity's lock guards it.
 */
@Entity
@Table(name = "OPPORTUNITY_ENTRY", indexes = {
        // an opportunity's history, and whether it reached a stage (a move's stage figures)
        @Index(name = "ENTRY_OPPORTUNITY_STAGE", columnList = "OPP_NO,STAGE,ENTRY_NO"),
        // covers the pipeline and the stages reached in a period: index-only scans (over all time: StageFigures)
        @Index(name = "ENTRY_CYCLE_STAGE_DATE", columnList = "SALES_CYCLE_CODE,STAGE,DATE_OF_CHANGE,OPP_NO"),
        @Index(name = "ENTRY_CLOSE_CODE", columnList = "CLOSE_CODE"),
        // "as of a day" as a range: the entries valid on the day and those replaced by then, index-only
        @Index(name = "ENTRY_CYCLE_VALID_TO", columnList = "SALES_CYCLE_CODE,VALID_TO,DATE_OF_CHANGE,STAGE,DAYS_OPEN,"
                + "ESTIMATED_VALUE,CALCULATED_CURRENT_VALUE,ESTIMATED_CLOSE_DATE") })
public class OpportunityEntryEntity extends StampedEntity {
    /**
     * Numbered from the database sequence one number at a time, drawn when the entry is persisted: every write
     * appends its entry after taking the opportunity's row lock, and so draws its number through the transaction's
     * own connection after every earlier entry of that opportunity was committed, whichever server (node) wrote
     * it. Entry numbers therefore ascend in the order an opportunity's entries are written, with several servers
     * on one database too, and are unique over all entries. (Drawing 50 at a time, as before, kept one server's
     * numbers ascending only: two servers interleaved their blocks out of order. Derby's identity columns lock
     * their system row on every insert, which times out under concurrent moves.)
     * <p>
     * The sequence is created as before, by the schema generation ({@code INCREMENT BY 1} on a new database). An
     * existing one keeps its value: on PostgreSQL EclipseLink alters its increment to 1 at start; on Derby, which
     * cannot alter a sequence, it keeps stepping by its old increment (50), still ascending and above every
     * existing number, only with gaps.
     */
    static final int ENTRY_NUMBERS_PER_FETCH = 1;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ENTRY_NO")
    @SequenceGenerator(name = "ENTRY_NO", sequenceName = "OPPORTUNITY_ENTRY_NO", allocationSize = ENTRY_NUMBERS_PER_FETCH)
    @Column(name = "ENTRY_NO")
    private long entryNo;

    @Column(name = "OPP_NO", length = Opportunity.NO_LENGTH, nullable = false)
    private String opportunityNo;

    @Column(name = "SALES_CYCLE_CODE", length = SalesCycle.CODE_LENGTH, nullable = false)
    private String salesCycleCode;

    @Column(name = "STAGE", nullable = false)
    private int stage;

    @Column(name = "STAGE_DESCRIPTION", length = SalesCycleStage.DESCRIPTION_LENGTH)
    private String stageDescription;

    @Column(name = "PREVIOUS_STAGE")
    private Integer previousStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "ACTION_TAKEN", length = 10, nullable = false)
    private ActionTaken actionTaken;

    @Column(name = "DATE_OF_CHANGE", nullable = false)
    private LocalDate dateOfChange;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    @Column(name = "DAYS_OPEN", nullable = false)
    private int daysOpen;

    /**
     * The date of change of the entry that replaced this one (its opportunity's next entry), null while this is the
     * active entry (a closing entry stays so for good). The entry was the opportunity's entry as of day D exactly
     * when {@code DATE_OF_CHANGE <= D} and ({@code VALID_TO} is null or {@code VALID_TO > D}); it was replaced by D
     * (its days open final) when {@code VALID_TO <= D}. An entry replaced on its own day has {@code VALID_TO} =
     * {@code DATE_OF_CHANGE}: it was no day's entry. Always {@code DATE_OF_CHANGE + DAYS_OPEN} when set.
     */
    @Column(name = "VALID_TO")
    private LocalDate validTo;

    @Column(name = "DATE_CLOSED")
    private LocalDate dateClosed;

    @Column(name = "ESTIMATED_VALUE", precision = 31, scale = Decimals.AMOUNT_SCALE, nullable = false)
    private BigDecimal estimatedValue;

    @Column(name = "CALCULATED_CURRENT_VALUE", precision = 31, scale = Decimals.AMOUNT_SCALE, nullable = false)
    private BigDecimal calculatedCurrentValue;

    @Column(name = "COMPLETED_PERCENT", precision = 20, scale = Decimals.PERCENT_SCALE, nullable = false)
    private BigDecimal completedPercent;

    @Column(name = "CHANCES_OF_SUCCESS_PERCENT", precision = 20, scale = Decimals.PERCENT_SCALE, nullable = false)
    private BigDecimal chancesOfSuccessPercent;

    @Column(name = "PROBABILITY_PERCENT", precision = 20, scale = Decimals.PERCENT_SCALE, nullable = false)
    private BigDecimal probabilityPercent;

    @Column(name = "ESTIMATED_CLOSE_DATE")
    private LocalDate estimatedCloseDate;

    @Column(name = "CLOSE_CODE", length = 10)
    private String closeCode;

    @Column(name = "CONTACT_NO", length = Opportunity.NO_LENGTH, nullable = false)
    private String contactNo;

    @Column(name = "CONTACT_COMPANY_NO", length = Opportunity.NO_LENGTH)
    private String contactCompanyNo;

    @Column(name = "SALESPERSON_CODE", length = 20, nullable = false)
    private String salespersonCode;

    protected OpportunityEntryEntity() {
    }

    /** A new active entry of {@code opportunity} with the planned values and its current parties, still to be stamped. */
    OpportunityEntryEntity(OpportunityEntity opportunity, PlannedEntry planned) {
        opportunityNo = opportunity.no();
        salesCycleCode = opportunity.salesCycleCode();
        contactNo = opportunity.contactNo();
        contactCompanyNo = opportunity.contactCompanyNo();
        salespersonCode = opportunity.salespersonCode();
        stage = planned.stage();
        stageDescription = planned.stageDescription();
        previousStage = planned.previousStage();
        actionTaken = planned.actionTaken();
        dateOfChange = planned.dateOfChange();
        active = true;
        daysOpen = 0;
        dateClosed = planned.closing() ? planned.dateOfChange() : null;
        estimatedValue = Decimals.amount(planned.estimatedValue());
        calculatedCurrentValue = Decimals.amount(planned.calculatedCurrentValue());
        completedPercent = Decimals.percent(planned.completedPercent());
        chancesOfSuccessPercent = Decimals.percent(planned.chancesOfSuccessPercent());
        probabilityPercent = Decimals.percent(planned.probabilityPercent());
        estimatedCloseDate = planned.estimatedCloseDate();
        closeCode = planned.closeCode();
    }

    /**
     * The next entry is dated {@code nextDateOfChange}: this one is no longer active. Its stamp stays:
     * it says who made this entry's move, not who made the next one.
     */
    void deactivate(LocalDate nextDateOfChange) {
        active = false;
        daysOpen = Math.toIntExact(ChronoUnit.DAYS.between(dateOfChange, nextDateOfChange));
        validTo = nextDateOfChange;
    }

    /** For an entry written with plain JDBC: the number drawn from the sequence (see {@link MoveStatements}). */
    OpportunityEntryEntity numbered(long drawn) {
        entryNo = drawn;
        return this;
    }

    OpportunityEntry toView() {
        return new OpportunityEntryView(entryNo, opportunityNo, salesCycleCode, stage, stageDescription, previousStage,
                actionTaken, dateOfChange, active, daysOpen, dateClosed, plain(estimatedValue),
                plain(calculatedCurrentValue), plain(completedPercent), plain(chancesOfSuccessPercent),
                plain(probabilityPercent), estimatedCloseDate, closeCode, contactNo, contactCompanyNo,
                salespersonCode, changedBy(), changedAt());
    }

    long entryNo() {
        return entryNo;
    }

    int stage() {
        return stage;
    }

    ActionTaken actionTaken() {
        return actionTaken;
    }

    LocalDate dateOfChange() {
        return dateOfChange;
    }

    LocalDate dateClosed() {
        return dateClosed;
    }

    /** @return the date of change of the entry that replaced this one; null while it is active */
    LocalDate validTo() {
        return validTo;
    }

    BigDecimal estimatedValue() {
        return estimatedValue;
    }

    BigDecimal calculatedCurrentValue() {
        return calculatedCurrentValue;
    }

    BigDecimal completedPercent() {
        return completedPercent;
    }

    BigDecimal chancesOfSuccessPercent() {
        return chancesOfSuccessPercent;
    }

    BigDecimal probabilityPercent() {
        return probabilityPercent;
    }

    LocalDate estimatedCloseDate() {
        return estimatedCloseDate;
    }

    String closeCode() {
        return closeCode;
    }
}
