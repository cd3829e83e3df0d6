package org.opportune.api.contact;

/**
 * Filters of a contact list; null means "any".
 *
 * @param text no. or name contains this, case-insensitive
 */
public record ContactQuery(String text, ContactType type, String companyNo, String salespersonCode) {
    public static final ContactQuery ALL = new ContactQuery(null, null, null, null);
}
