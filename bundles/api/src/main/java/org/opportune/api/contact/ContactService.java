package org.opportune.api.contact;

import java.util.List;
import java.util.Optional;

import org.opportune.api.ConflictException;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UnavailableException;
import org.opportune.api.ValidationException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Contacts. Each call is one transaction. Sortable fields: {@link #SORT_FIELDS}.
 */
@ProviderType
public interface ContactService {
    List<String> SORT_FIELDS = List.of("no", "type", "name", "companyNo", "salespersonCode", "email", "city",
            "postCode", "countryCode");

    /**
     * Creates a contact with the next no. of the number series.
     *
     * @throws ValidationException  a field is invalid, the company is not a company contact, the
     *                              salesperson is unknown or blocked
     * @throws ConflictException    the no. is taken
     * @throws UnavailableException a salesperson is named but the salespeople module is not running
     */
    Contact create(ContactValues values);

    /**
     * Creates a contact with the given no.
     *
     * @param no up to {@value Contact#NO_LENGTH} characters
     * @see #create(ContactValues)
     */
    Contact create(String no, ContactValues values);

    Optional<Contact> find(String no);

    /** @throws NotFoundException there is no such contact */
    Contact get(String no);

    Page<Contact> list(ContactQuery query, PageRequest page);

    /**
     * Replaces every editable field; the type of a company that has persons cannot change.
     *
     * @param expectedVersion the version the client read, or null to skip the check
     * @throws StaleVersionException the contact changed meanwhile
     */
    Contact update(String no, ContactValues values, Long expectedVersion);

    /**
     * @throws ConflictException the contact is a company with persons, or a usage check refuses
     */
    void delete(String no, Long expectedVersion);
}
