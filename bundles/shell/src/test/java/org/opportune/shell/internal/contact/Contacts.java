package org.opportune.shell.internal.contact;

import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactType;

/** The contacts the tests start from: a company, one of its persons and a person of no company. */
final class Contacts {
    static final Contact CRONUS = new Contact("CT000001", ContactType.COMPANY, "Cronus Ltd", "CT000001", "Cronus Ltd",
            "JO", "info@cronus.example", "+44 20 5555", null, null,
            new Address("1 High Street", null, "London", "W1 1AA", null, "GB"), 4L);
    static final Contact JANE = new Contact("CT000002", ContactType.PERSON, "Jane Doe", "CT000001", "Cronus Ltd",
            "JO", "jane@cronus.example", null, "+44 77 0000", "Buyer", null, 2L);
    static final Contact MAX = new Contact("CT000003", ContactType.PERSON, "Max Mustermann", null, null, null, null,
            null, null, null, new Address(null, null, "Berlin", null, null, "DE"), 1L);

    private Contacts() {
    }

    static FakeContactService all() {
        return new FakeContactService().with(CRONUS).with(JANE).with(MAX);
    }
}
