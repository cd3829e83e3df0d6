package org.opportune.api;

/** The kinds of record whose deletes consult {@link UsageCheck}s. */
public final class UsageResources {
    public static final String SALESPERSON = "salesperson";
    public static final String CONTACT = "contact";

    private UsageResources() {
    }
}
