package org.opportune.api.cycle;

import java.util.List;
import java.util.Optional;

import org.opportune.api.ConflictException;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.StaleVersionException;
import org.opportune.api.UsageResources;
import org.opportune.api.ValidationException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Close opportunity codes. Each call is one transaction. Sortable fields: {@link #SORT_FIELDS}.
 */
@ProviderType
public interface CloseOpportunityCodeService {
    List<String> SORT_FIELDS = List.of("code", "description", "type");

    /**
     * @throws ValidationException a field is missing or too long
     * @throws ConflictException   the code is taken
     */
    CloseOpportunityCode create(String code, CloseCodeValues values);

    /** @return the code, matched case-insensitively */
    Optional<CloseOpportunityCode> find(String code);

    /** @throws NotFoundException there is no such code */
    CloseOpportunityCode get(String code);

    Page<CloseOpportunityCode> list(CloseOpportunityCodeQuery query, PageRequest page);

    /**
     * Replaces every editable field, the type included.
     *
     * @param expectedVersion the version the client read, or null to skip the check
     * @throws StaleVersionException the code changed meanwhile
     */
    CloseOpportunityCode update(String code, CloseCodeValues values, Long expectedVersion);

    /**
     * @throws ConflictException a usage check refuses ({@link UsageResources#CLOSE_CODE}: an entry uses it)
     */
    void delete(String code, Long expectedVersion);

    /**
     * Checks a code can close an opportunity with the given outcome.
     *
     * @param field the field to name in the error
     * @throws ValidationException the code is blank ("is required"), does not exist or is of the other type
     */
    CloseOpportunityCode requireOfType(String code, CloseOpportunityCodeType type, String field);
}
