package org.opportune.contacts.internal;

import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactType;

/**
 * A contact as its audit line words it: the values a user sets, the address part by part. Not the no. (the line's
 * key) nor the company's name (the company's own value).
 */
record ContactAuditView(ContactType type, String name, String companyNo, String salespersonCode, String email,
        String phone, String mobilePhone, String jobTitle, String addressLine1, String addressLine2, String city,
        String postCode, String county, String countryCode) {

    static ContactAuditView of(Contact contact) {
        Address address = contact.address();
        return new ContactAuditView(contact.type(), contact.name(), contact.companyNo(), contact.salespersonCode(),
                contact.email(), contact.phone(), contact.mobilePhone(), contact.jobTitle(), address.line1(),
                address.line2(), address.city(), address.postCode(), address.county(), address.countryCode());
    }
}
