package org.opportune.contacts.internal;

import java.time.Instant;

import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactType;

/** A contact as the service returns it: a copy of the row, detached from the transaction that read it. */
public record ContactView(String no, ContactType type, String name, String companyNo, String companyName,
        String salespersonCode, String email, String phone, String mobilePhone, String jobTitle, Address address,
        long version, String changedBy, Instant changedAt) implements Contact {

    public ContactView {
        address = address == null ? Address.EMPTY : address; // the contract: never null
    }
}
