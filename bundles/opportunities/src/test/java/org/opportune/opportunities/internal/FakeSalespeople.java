package org.opportune.opportunities.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.opportune.api.Codes;
import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.ValidationException;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.api.salesperson.SalespersonValues;
import org.opportune.opportunities.internal.TestViews.TestSalesperson;

/**
 * Salespeople as a map of codes to their blocked flag, checked as the salespeople module does, and the logins
 * linked to them; counts the look-ups by user name (what ownership costs).
 */
class FakeSalespeople implements SalespersonService {
    private final Map<String, Boolean> blocked = new ConcurrentHashMap<>();
    private final Map<String, String> userNames = new ConcurrentHashMap<>();
    final AtomicInteger userNameLookups = new AtomicInteger();

    void add(String code, boolean isBlocked) {
        blocked.put(code, isBlocked);
    }

    /** Links the login to the salesperson, unlinking whichever it was linked to before. */
    void link(String code, String userName) {
        userNames.values().remove(userName);
        userNames.put(code, userName);
    }

    void unlink(String code) {
        userNames.remove(code);
    }

    @Override
    public Optional<Salesperson> find(String code) {
        String key = Codes.normalise(code);
        Boolean isBlocked = key == null ? null : blocked.get(key);
        return isBlocked == null ? Optional.empty()
                : Optional.of(new TestSalesperson(key, code, null, null, null, null, isBlocked, userNames.get(key), 1L,
                        null, null));
    }

    @Override
    public Salesperson requireAssignable(String code, String field) {
        Salesperson salesperson = find(code).orElseThrow(() -> new ValidationException(field,
                "names salesperson " + code + ", which does not exist"));
        if (salesperson.blocked()) {
            throw new ConflictException("salesperson " + salesperson.code() + " is blocked",
                    List.of(new FieldError(field, "names a blocked salesperson")));
        }
        return salesperson;
    }

    @Override
    public Salesperson get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("salesperson", code));
    }

    @Override
    public Salesperson create(String code, SalespersonValues values) {
        throw new AssertionError("opportunities never create salespeople");
    }

    @Override
    public Page<Salesperson> list(SalespersonQuery query, PageRequest page) {
        throw new AssertionError("opportunities never list salespeople");
    }

    @Override
    public Optional<Salesperson> findByUserName(String userName) {
        userNameLookups.incrementAndGet();
        return userNames.entrySet().stream().filter(link -> link.getValue().equals(userName)).findFirst()
                .flatMap(link -> find(link.getKey()));
    }

    @Override
    public Salesperson update(String code, SalespersonValues values, Long expectedVersion) {
        throw new AssertionError("opportunities never change salespeople");
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        throw new AssertionError("opportunities never delete salespeople");
    }
}
