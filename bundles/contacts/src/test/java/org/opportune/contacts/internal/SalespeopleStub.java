package org.opportune.contacts.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opportune.api.Codes;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.ValidationException;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.api.salesperson.SalespersonService;

/** A salesperson service over a map of codes to their blocked flag; only what contacts call. */
abstract class SalespeopleStub implements SalespersonService {

    abstract Map<String, Boolean> blocked();

    @Override
    public Optional<Salesperson> find(String code) {
        Boolean isBlocked = blocked().get(Codes.normalise(code));
        return isBlocked == null ? Optional.empty()
                : Optional.of(new Salesperson(Codes.normalise(code), code, null, null, null, null, isBlocked, 1L));
    }

    @Override
    public Salesperson requireAssignable(String code, String field) {
        Salesperson salesperson = find(code).orElseThrow(() -> new ValidationException(field, "unknown " + code));
        if (salesperson.blocked()) {
            throw new ConflictException("blocked", List.of(new FieldError(field, "blocked " + code)));
        }
        return salesperson;
    }

    @Override
    public Salesperson get(String code) {
        return find(code).orElseThrow();
    }

    @Override
    public Salesperson create(Salesperson salesperson) {
        throw new AssertionError("contacts never create salespeople");
    }

    @Override
    public Page<Salesperson> list(SalespersonQuery query, PageRequest page) {
        throw new AssertionError("contacts never list salespeople");
    }

    @Override
    public Salesperson update(String code, Salesperson salesperson, Long expectedVersion) {
        throw new AssertionError("contacts never change salespeople");
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        throw new AssertionError("contacts never delete salespeople");
    }
}
