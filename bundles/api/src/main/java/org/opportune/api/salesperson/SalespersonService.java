package org.opportune.api.salesperson;

import java.util.List;
import java.util.Optional;

import org.opportune.api.ConflictException;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.ValidationException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Salespeople. Each call is one transaction. Sortable fields: {@link #SORT_FIELDS}.
 */
@ProviderType
public interface SalespersonService {
    List<String> SORT_FIELDS = List.of("code", "name", "email", "jobTitle", "commissionPercent", "blocked", "userName");

    /**
     * @param code the key, up to {@value Salesperson#CODE_LENGTH} characters
     * @throws ValidationException a field is missing, too long or out of range
     * @throws ConflictException   the code or the user name is taken
     */
    Salesperson create(String code, SalespersonValues values);

    /** @return the salesperson, matched case-insensitively on the code */
    Optional<Salesperson> find(String code);

    /** @throws NotFoundException there is no such salesperson */
    Salesperson get(String code);

    /** @return the salesperson the login {@code userName} acts as (DOMAIN §12), matched exactly */
    Optional<Salesperson> findByUserName(String userName);

    Page<Salesperson> list(SalespersonQuery query, PageRequest page);

    /**
     * Replaces every editable field.
     *
     * @param expectedVersion the version the client read, or null to skip the check
     * @throws StaleVersionException the salesperson changed meanwhile
     * @throws ConflictException     the user name is taken by another salesperson
     */
    Salesperson update(String code, SalespersonValues values, Long expectedVersion);

    /**
     * @throws ConflictException a usage check refuses, e.g. open opportunities
     */
    void delete(String code, Long expectedVersion);

    /**
     * Checks a salesperson can be given to a new or changed record.
     *
     * @param field the field to name in the error
     * @throws ValidationException the code is blank ("is required") or the salesperson does not exist
     * @throws ConflictException   the salesperson is blocked
     */
    Salesperson requireAssignable(String code, String field);
}
