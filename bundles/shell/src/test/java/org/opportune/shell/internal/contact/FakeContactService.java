package org.opportune.shell.internal.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.opportune.api.ConflictException;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactQuery;
import org.opportune.api.contact.ContactService;
import org.opportune.api.contact.ContactType;

/** An in-memory ContactService, ordered by no., numbering new contacts CT000001, CT000002 … */
public final class FakeContactService implements ContactService {

    /** One call of {@link #delete}. */
    public record Deletion(String no, Long expectedVersion) {
    }

    private final Map<String, Contact> rows = new TreeMap<>();
    private int lastNumber;
    public final List<Deletion> deletions = new ArrayList<>();
    public ContactQuery lastQuery;
    public PageRequest lastPage;

    /** Stores a contact as it is, version included. */
    public FakeContactService with(Contact contact) {
        rows.put(contact.no(), contact);
        return this;
    }

    @Override
    public Contact create(Contact contact) {
        Violations violations = new Violations().required("type", contact.type())
                .requiredText("name", contact.name(), Contact.NAME_LENGTH)
                .email("email", contact.email(), Contact.EMAIL_LENGTH);
        violations.throwIfAny();
        String no = contact.no() == null ? nextNo() : key(contact.no());
        if (rows.containsKey(no)) {
            throw new ConflictException("contact " + no + " exists already");
        }
        String companyName = null;
        if (contact.companyNo() != null) {
            Contact company = rows.get(key(contact.companyNo()));
            if (company == null || company.type() != ContactType.COMPANY) {
                throw new ValidationException("companyNo", "must name a contact of type COMPANY");
            }
            companyName = company.name();
        }
        Contact created = new Contact(no, contact.type(), contact.name(), contact.companyNo(), companyName,
                contact.salespersonCode(), contact.email(), contact.phone(), contact.mobilePhone(), contact.jobTitle(),
                contact.address(), 1L);
        rows.put(no, created);
        return created;
    }

    @Override
    public Optional<Contact> find(String no) {
        return Optional.ofNullable(rows.get(key(no)));
    }

    @Override
    public Contact get(String no) {
        return find(no).orElseThrow(() -> new NotFoundException("contact", key(no)));
    }

    @Override
    public Page<Contact> list(ContactQuery query, PageRequest page) {
        lastQuery = query;
        lastPage = page;
        String text = query.text() == null ? null : query.text().toUpperCase(Locale.ROOT);
        List<Contact> matching = rows.values().stream()
                .filter(c -> text == null || c.no().contains(text) || c.name().toUpperCase(Locale.ROOT).contains(text))
                .filter(c -> query.type() == null || c.type() == query.type())
                .filter(c -> query.companyNo() == null || query.companyNo().equals(c.companyNo()))
                .filter(c -> query.salespersonCode() == null || query.salespersonCode().equals(c.salespersonCode()))
                .toList();
        return new Page<>(matching.stream().skip(page.offset()).limit(page.limit()).toList(), matching.size(),
                page.offset(), page.limit());
    }

    @Override
    public Contact update(String no, Contact contact, Long expectedVersion) {
        throw new UnsupportedOperationException("no command updates contacts");
    }

    @Override
    public void delete(String no, Long expectedVersion) {
        deletions.add(new Deletion(no, expectedVersion));
        Contact current = get(no);
        if (expectedVersion != null && !expectedVersion.equals(current.version())) {
            throw new StaleVersionException("contact", current.no(), current.version());
        }
        if (current.type() == ContactType.COMPANY && rows.values().stream()
                .anyMatch(c -> c.type() == ContactType.PERSON && current.no().equals(c.companyNo()))) {
            throw new ConflictException("company " + current.no() + " cannot be deleted: persons still belong to it");
        }
        rows.remove(current.no());
    }

    /** The next number of the series that no contact has yet. */
    private String nextNo() {
        String no;
        do {
            no = String.format("CT%06d", ++lastNumber);
        } while (rows.containsKey(no));
        return no;
    }

    private static String key(String no) {
        return no == null ? null : no.trim().toUpperCase(Locale.ROOT);
    }
}
