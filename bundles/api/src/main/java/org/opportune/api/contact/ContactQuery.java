package org.opportune.api.contact;

import java.util.Objects;

/**
 * Filters of a contact list; a filter not set means "any". Start from {@link #all()}; each {@code with…} method returns a new query.
 */
public final class ContactQuery {
    private static final ContactQuery ALL = new ContactQuery();

    private String text;
    private ContactType type;
    private String companyNo;
    private String salespersonCode;

    private ContactQuery() {
    }

    /** @return every record: no filter set */
    public static ContactQuery all() {
        return ALL;
    }

    private ContactQuery copy() {
        ContactQuery copy = new ContactQuery();
        copy.text = text;
        copy.type = type;
        copy.companyNo = companyNo;
        copy.salespersonCode = salespersonCode;
        return copy;
    }

    /** @param text no. or name contains it, case-insensitive */
    public ContactQuery withText(String text) {
        ContactQuery query = copy();
        query.text = text;
        return query;
    }

    public ContactQuery withType(ContactType type) {
        ContactQuery query = copy();
        query.type = type;
        return query;
    }

    /** @param companyNo persons of this company, and the company itself */
    public ContactQuery withCompanyNo(String companyNo) {
        ContactQuery query = copy();
        query.companyNo = companyNo;
        return query;
    }

    public ContactQuery withSalespersonCode(String salespersonCode) {
        ContactQuery query = copy();
        query.salespersonCode = salespersonCode;
        return query;
    }

    public String text() {
        return text;
    }

    public ContactType type() {
        return type;
    }

    public String companyNo() {
        return companyNo;
    }

    public String salespersonCode() {
        return salespersonCode;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContactQuery query && Objects.equals(text, query.text) && Objects.equals(type, query.type) && Objects.equals(companyNo, query.companyNo) && Objects.equals(salespersonCode, query.salespersonCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, type, companyNo, salespersonCode);
    }

    @Override
    public String toString() {
        return "ContactQuery[text=" + text + ", type=" + type + ", companyNo=" + companyNo + ", salespersonCode=" + salespersonCode + "]";
    }
}
