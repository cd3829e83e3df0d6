package org.opportune.api.opportunity;

/**
 * The OSGi EventAdmin events posted after every committed change of an opportunity, so that other
 * bundles can react. Events of one request are posted in order (e.g. {@link #CREATED} then
 * {@link #STAGE_CHANGED} for a create with activation); a request that fails posts none.
 * <p>
 * Properties (absent when they have no value): {@link #OPPORTUNITY_NO}, {@link #ACTION},
 * {@link #STATUS}, {@link #VERSION}, {@link #SALESPERSON_CODE}, {@link #SALES_CYCLE_CODE},
 * {@link #CONTACT_NO}, {@link #CONTACT_COMPANY_NO}; moves and closes add {@link #ACTION_TAKEN},
 * {@link #ENTRY_NO}, {@link #FROM_STAGE}, {@link #TO_STAGE}, {@link #DATE_OF_CHANGE}; all but deletes
 * add the values of the active entry ({@link #ESTIMATED_VALUE}, {@link #CALCULATED_CURRENT_VALUE},
 * {@link #PROBABILITY_PERCENT}, {@link #CHANCES_OF_SUCCESS_PERCENT}, {@link #COMPLETED_PERCENT},
 * {@link #ESTIMATED_CLOSE_DATE}); closes add {@link #CLOSE_CODE} and {@link #DATE_CLOSED}.
 * Stages are {@code Integer}s, amounts and percentages {@code BigDecimal}s, dates ISO-8601
 * {@code String}s ({@code 2024-01-20}), the version a {@code Long}, the rest {@code String}s.
 */
public final class OpportunityEvents {
    /** Every topic starts with this. */
    public static final String TOPIC_PREFIX = "org/opportune/opportunity/";
    /** Listen to every opportunity event. */
    public static final String TOPIC_ALL = TOPIC_PREFIX + "*";

    /** An opportunity was created. */
    public static final String CREATED = TOPIC_PREFIX + "CREATED";
    /** Editable fields or the sales quote link changed. */
    public static final String UPDATED = TOPIC_PREFIX + "UPDATED";
    /** An entry was appended by an activation or an update (the stage may stay the same: {@code UPDATE}). */
    public static final String STAGE_CHANGED = TOPIC_PREFIX + "STAGE_CHANGED";
    /** The opportunity was won or lost. */
    public static final String CLOSED = TOPIC_PREFIX + "CLOSED";
    /** The opportunity and its entries were deleted. */
    public static final String DELETED = TOPIC_PREFIX + "DELETED";
    /**
     * Posted once per opportunity and stage visit (its active entry) on the day it became stale (DOMAIN §11),
     * whatever the number of nodes and restarts; carries {@link #DAYS_IDLE} and {@link #MAX_DAYS_IDLE}.
     */
    public static final String STALE = TOPIC_PREFIX + "STALE";

    public static final String OPPORTUNITY_NO = "opportunityNo";
    /** What was asked: one of the {@code ACTION_*} values or an {@link OpportunityAction} name. */
    public static final String ACTION = "action";
    /** The {@link ActionTaken} recorded on the new entry. */
    public static final String ACTION_TAKEN = "actionTaken";
    public static final String ENTRY_NO = "entryNo";
    /** The stage before the move; absent for the first entry. */
    public static final String FROM_STAGE = "fromStage";
    /** The stage after the move; 0 for a close. */
    public static final String TO_STAGE = "toStage";
    public static final String STATUS = "status";
    public static final String VERSION = "version";
    public static final String DATE_OF_CHANGE = "dateOfChange";
    public static final String ESTIMATED_VALUE = "estimatedValue";
    public static final String CALCULATED_CURRENT_VALUE = "calculatedCurrentValue";
    public static final String PROBABILITY_PERCENT = "probabilityPercent";
    public static final String CHANCES_OF_SUCCESS_PERCENT = "chancesOfSuccessPercent";
    public static final String COMPLETED_PERCENT = "completedPercent";
    public static final String ESTIMATED_CLOSE_DATE = "estimatedCloseDate";
    public static final String CLOSE_CODE = "closeCode";
    public static final String DATE_CLOSED = "dateClosed";
    public static final String SALESPERSON_CODE = "salespersonCode";
    public static final String SALES_CYCLE_CODE = "salesCycleCode";
    public static final String CONTACT_NO = "contactNo";
    public static final String CONTACT_COMPANY_NO = "contactCompanyNo";
    /** The user name of the caller who made the change ({@code system} for the server's own work). */
    public static final String USER_NAME = "userName";
    /** {@link #STALE}: the days since the active entry's date of change, an {@code Integer}. */
    public static final String DAYS_IDLE = "daysIdle";
    /** {@link #STALE}: the stage's limit that was passed, an {@code Integer}. */
    public static final String MAX_DAYS_IDLE = "maxDaysIdle";

    /** {@link #ACTION} of {@link #CREATED}. */
    public static final String ACTION_CREATE = "CREATE";
    /** {@link #ACTION} of {@link #UPDATED} for a change of the editable fields. */
    public static final String ACTION_CHANGE = "CHANGE";
    /** {@link #ACTION} of {@link #STAGE_CHANGED} for "activate first stage" and a create with activation. */
    public static final String ACTION_ACTIVATE = "ACTIVATE";
    /** {@link #ACTION} of {@link #UPDATED} when a sales quote is linked or replaced. */
    public static final String ACTION_ASSIGN_SALES_QUOTE = "ASSIGN_SALES_QUOTE";
    /** {@link #ACTION} of {@link #UPDATED} when the sales quote link is removed. */
    public static final String ACTION_REMOVE_SALES_QUOTE = "REMOVE_SALES_QUOTE";
    /** {@link #ACTION} of {@link #CLOSED}. */
    public static final String ACTION_CLOSE = "CLOSE";
    /** {@link #ACTION} of {@link #DELETED}. */
    public static final String ACTION_DELETE = "DELETE";

    private OpportunityEvents() {
    }
}
