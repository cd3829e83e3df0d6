package org.opportune.api;

/** The kinds of record whose deletes consult {@link UsageCheck}s. */
public final class UsageResources {
    public static final String SALESPERSON = "salesperson";
    public static final String CONTACT = "contact";
    public static final String SALES_CYCLE = "sales-cycle";
    /** Keys are {@code CYCLE/stage}, e.g. {@code STD/2}. */
    public static final String SALES_CYCLE_STAGE = "sales-cycle-stage";
    public static final String CLOSE_CODE = "close-code";
    /** An activity (DOMAIN §10), asked before it is deleted; keys are activity codes. */
    public static final String ACTIVITY = "activity";

    private UsageResources() {
    }
}
