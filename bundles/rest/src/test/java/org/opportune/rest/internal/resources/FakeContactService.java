package org.opportune.rest.internal.resources;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.opportune.api.ConflictException;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.Violations;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactQuery;
import org.opportune.api.contact.ContactService;
import org.opportune.api.contact.ContactType;

/** An in-memory ContactService: numbers CT000001…, companies that have persons cannot be deleted. */
final class FakeContactService implements ContactService {
    private final Map<String, Contact> rows = new TreeMap<>();
    private int lastNumber;

    @Override
    public synchronized Contact create(Contact contact) {
        new Violations().required("type", contact.type())
                .requiredText("name", contact.name(), Contact.NAME_LENGTH).throwIfAny();
        String no = contact.no() != null ? contact.no().toUpperCase() : String.format("CT%06d", ++lastNumber);
        if (rows.containsKey(no)) {
            throw new ConflictException("contact " + no + " exists already");
        }
        Contact created = copy(contact, no, 1L);
        rows.put(no, created);
        return created;
    }

    @Override
    public synchronized Optional<Contact> find(String no) {
        return Optional.ofNullable(rows.get(no.toUpperCase()));
    }

    @Override
    public Contact get(String no) {
        return find(no).orElseThrow(() -> new NotFoundException("contact", no.toUpperCase()));
    }

    @Override
    public synchronized Page<Contact> list(ContactQuery query, PageRequest page) {
        List<Contact> matching = rows.values().stream()
                .filter(c -> query.text() == null || c.name().toUpperCase().contains(query.text().toUpperCase()))
                .filter(c -> query.type() == null || c.type() == query.type())
                .filter(c -> query.companyNo() == null || query.companyNo().equals(c.companyNo()))
                .filter(c -> query.salespersonCode() == null || query.salespersonCode().equals(c.salespersonCode()))
                .toList();
        return new Page<>(matching.stream().skip(page.offset()).limit(page.limit()).toList(), matching.size(),
                page.offset(), page.limit());
    }

    @Override
    public synchronized Contact update(String no, Contact contact, Long expectedVersion) {
        Contact current = get(no);
        if (expectedVersion != null && !expectedVersion.equals(current.version())) {
            throw new StaleVersionException("contact", current.no(), current.version());
        }
        new Violations().requiredText("name", contact.name(), Contact.NAME_LENGTH).throwIfAny();
        Contact updated = copy(contact, current.no(), current.version() + 1);
        rows.put(current.no(), updated);
        return updated;
    }

    @Override
    public synchronized void delete(String no, Long expectedVersion) {
        Contact current = get(no);
        boolean hasPersons = rows.values().stream()
                .anyMatch(c -> c.type() == ContactType.PERSON && current.no().equals(c.companyNo()));
        if (hasPersons) {
            throw new ConflictException("company " + current.no() + " still has persons");
        }
        rows.remove(current.no());
    }

    private static Contact copy(Contact c, String no, long version) {
        String companyNo = c.type() == ContactType.COMPANY ? no : c.companyNo();
        return new Contact(no, c.type(), c.name(), companyNo, null, c.salespersonCode(), c.email(), c.phone(),
                c.mobilePhone(), c.jobTitle(), c.address(), version);
    }
}
