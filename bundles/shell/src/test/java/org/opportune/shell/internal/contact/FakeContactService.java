package org.opportune.shell.internal.contact;

import java.util.ArrayList;
import java.util.List;

import org.opportune.api.ConflictException;
import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.contact.Contact;
import org.opportune.api.contact.ContactQuery;
import org.opportune.api.contact.ContactService;
import org.opportune.api.contact.ContactType;
import org.opportune.api.contact.ContactValues;
import org.opportune.shell.internal.FakeService;
import org.opportune.shell.internal.Rows;
import org.opportune.shell.internal.Views;
import org.opportune.shell.internal.Views.ContactView;

/** An in-memory ContactService, ordered by no., numbering new contacts CT000001, CT000002 … */
public final class FakeContactService extends FakeService<Contact, ContactQuery> implements ContactService {

    /** One call of {@link #delete}. */
    public record Deletion(String no, Long expectedVersion) {
    }

    private int lastNumber;
    public final List<Deletion> deletions = new ArrayList<>();

    public FakeContactService() {
        super(new Rows<>("contact", Contact::no, Contact::version), SORT_FIELDS);
    }

    /** Stores a contact as it is, version included. */
    public FakeContactService with(Contact contact) {
        rows.put(contact);
        return this;
    }

    @Override
    public Contact create(ContactValues values) {
        return create(null, values);
    }

    @Override
    public Contact create(String givenNo, ContactValues contact) {
        new Violations().required("type", contact.type())
                .requiredText("name", contact.name(), Contact.NAME_LENGTH)
                .email("email", contact.email(), Contact.EMAIL_LENGTH)
                .throwIfAny();
        String no = givenNo == null ? nextNo() : Rows.key(givenNo);
        if (rows.contains(no)) {
            throw new ConflictException("contact " + no + " exists already");
        }
        String companyName = null;
        if (contact.companyNo() != null) {
            Contact company = rows.find(contact.companyNo()).filter(c -> c.type() == ContactType.COMPANY)
                    .orElseThrow(() -> new ValidationException("companyNo", "must name a contact of type COMPANY"));
            companyName = company.name();
        }
        return rows.put(new ContactView(no, contact.type(), contact.name(), contact.companyNo(), companyName,
                contact.salespersonCode(), contact.email(), contact.phone(), contact.mobilePhone(), contact.jobTitle(),
                contact.address(), 1L, changedBy(), Views.COMMITTED));
    }

    @Override
    protected boolean matches(ContactQuery query, Contact contact) {
        return Rows.matches(query.text(), contact.no(), contact.name())
                && (query.type() == null || contact.type() == query.type())
                && (query.companyNo() == null || query.companyNo().equals(contact.companyNo()))
                && (query.salespersonCode() == null || query.salespersonCode().equals(contact.salespersonCode()));
    }

    @Override
    public Contact update(String no, ContactValues values, Long expectedVersion) {
        throw new UnsupportedOperationException("no command updates contacts");
    }

    @Override
    public void delete(String no, Long expectedVersion) {
        deletions.add(new Deletion(no, expectedVersion));
        Contact current = rows.current(no, expectedVersion);
        if (current.type() == ContactType.COMPANY && rows.stream()
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
        } while (rows.contains(no));
        return no;
    }
}
