package org.opportune.tasks.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.opportune.api.Codes;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactQuery;
import org.opportune.api.contact.ContactService;
import org.opportune.api.contact.ContactValues;
import org.opportune.tasks.internal.TestViews.TestContact;

/** Contacts kept in a map; only what the tasks module calls. */
class FakeContacts implements ContactService {
    private final Map<String, Contact> contacts = new ConcurrentHashMap<>();

    void add(String no, String salespersonCode) {
        contacts.put(no, new TestContact(no, salespersonCode));
    }

    @Override
    public Optional<Contact> find(String no) {
        String key = Codes.normalise(no);
        return key == null ? Optional.empty() : Optional.ofNullable(contacts.get(key));
    }

    @Override
    public Contact get(String no) {
        return find(no).orElseThrow(() -> new NotFoundException("contact", no));
    }

    @Override
    public Contact create(ContactValues values) {
        throw new AssertionError("tasks never create contacts");
    }

    @Override
    public Contact create(String no, ContactValues values) {
        throw new AssertionError("tasks never create contacts");
    }

    @Override
    public Page<Contact> list(ContactQuery query, PageRequest page) {
        throw new AssertionError("tasks never list contacts");
    }

    @Override
    public Contact update(String no, ContactValues values, Long expectedVersion) {
        throw new AssertionError("tasks never change contacts");
    }

    @Override
    public void delete(String no, Long expectedVersion) {
        throw new AssertionError("tasks never delete contacts");
    }
}
