package org.opportune.shell.internal.contact;

import java.time.Instant;

import org.opportune.api.contact.Address;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactType;
import org.opportune.shell.internal.Views.ContactView;

/**
 * The contacts the tests start from: a company, one of its persons and a person of no company,
 * who has not been changed since 2.0.
 */
final class Contacts {
    static final Contact CRONUS = new ContactView("CT000001", ContactType.COMPANY, "Cronus Ltd", "CT000001",
            "Cronus Ltd", "JO", "info@cronus.example", "+44 20 5555", null, null,
            Address.builder().line1("1 High Street").city("London").postCode("W1 1AA").countryCode("GB").build(), 4L,
            "anna", Instant.parse("2024-01-18T16:45:59.999Z"));
    static final Contact JANE = new ContactView("CT000002", ContactType.PERSON, "Jane Doe", "CT000001", "Cronus Ltd",
            "JO", "jane@cronus.example", null, "+44 77 0000", "Buyer", null, 2L, "john",
            Instant.parse("2024-01-19T10:00:00Z"));
    static final Contact MAX = new ContactView("CT000003", ContactType.PERSON, "Max Mustermann", null, null, null,
            null, null, null, null, Address.builder().city("Berlin").countryCode("DE").build(), 1L, null, null);

    private Contacts() {
    }

    static FakeContactService all() {
        return new FakeContactService().with(CRONUS).with(JANE).with(MAX);
    }
}
