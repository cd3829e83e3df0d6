package org.opportune.contacts.internal;

import java.math.BigDecimal;
import java.time.Instant;
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
import org.opportune.api.salesperson.SalespersonValues;

/** A salesperson service over a map of codes to their blocked flag; only what contacts call. */
abstract class SalespeopleStub implements SalespersonService {

    /** What the stub returns: only the code and the blocked flag mean anything. */
    record StubSalesperson(String code, String name, String email, String phone, String jobTitle,
            BigDecimal commissionPercent, boolean blocked, String userName, long version, String changedBy,
            Instant changedAt) implements Salesperson {
    }

    abstract Map<String, Boolean> blocked();

    @Override
    public Optional<Salesperson> find(String code) {
        Boolean isBlocked = blocked().get(Codes.normalise(code));
        return isBlocked == null ? Optional.empty()
                : Optional.of(new StubSalesperson(Codes.normalise(code), code, null, null, null, null, isBlocked,
                        null, 1L, null, null));
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
    public Optional<Salesperson> findByUserName(String userName) {
        throw new AssertionError("contacts never look salespeople up by user name");
    }

    @Override
    public Salesperson create(String code, SalespersonValues values) {
        throw new AssertionError("contacts never create salespeople");
    }

    @Override
    public Page<Salesperson> list(SalespersonQuery query, PageRequest page) {
        throw new AssertionError("contacts never list salespeople");
    }

    @Override
    public Salesperson update(String code, SalespersonValues values, Long expectedVersion) {
        throw new AssertionError("contacts never change salespeople");
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        throw new AssertionError("contacts never delete salespeople");
    }
}
