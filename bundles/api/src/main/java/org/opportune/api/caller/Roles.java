package org.opportune.api.caller;

import java.util.List;

/**
 * Opportune's roles: names of its own, so that Opportune's setup right is not Karaf's {@code admin} (which also
 * means {@code shell:exec} and {@code bundle:install}), and Karaf's {@code manager}/{@code viewer} grant nothing
 * here. A login has them as role principals of its JAAS realm, given directly or through a group.
 */
public final class Roles {
    /** Everything, including setup (salespeople, sales cycles, close codes) and the audit log. */
    public static final String OPPORTUNE_ADMIN = "opportune-admin";
    /** Every opportunity, contact, task and report; no setup changes. */
    public static final String SALES_MANAGER = "sales-manager";
    /** Reads setup and all contacts; works on the opportunities of its own salesperson only. */
    public static final String SALESPERSON = "salesperson";
    /** Reads everything, changes nothing. */
    public static final String SALES_VIEWER = "sales-viewer";
    /** The four roles, the strongest first. */
    public static final List<String> ALL = List.of(OPPORTUNE_ADMIN, SALES_MANAGER, SALESPERSON, SALES_VIEWER);
    /** The roles that change (and delete) every opportunity and contact. */
    public static final List<String> CHANGING_EVERYTHING = List.of(OPPORTUNE_ADMIN, SALES_MANAGER);
    /** The roles that change opportunities and contacts: every one, or a salesperson's own. */
    public static final List<String> SELLING = List.of(OPPORTUNE_ADMIN, SALES_MANAGER, SALESPERSON);

    private Roles() {
    }
}
