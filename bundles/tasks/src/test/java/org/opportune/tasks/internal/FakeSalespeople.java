package org.opportune.tasks.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
import org.opportune.tasks.internal.TestViews.TestSalesperson;

/** Salespeople as a map of codes, checked as the salespeople module does, with the logins linked to them. */
class FakeSalespeople implements SalespersonService {
    private final Map<String, TestSalesperson> salespeople = new ConcurrentHashMap<>();

    void add(String code, boolean blocked, String userName) {
        salespeople.put(code, new TestSalesperson(code, blocked, userName));
    }

    @Override
    public Optional<Salesperson> find(String code) {
        String key = Codes.normalise(code);
        return key == null ? Optional.empty() : Optional.ofNullable(salespeople.get(key));
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
    public Optional<Salesperson> findByUserName(String userName) {
        return salespeople.values().stream().filter(salesperson -> userName.equals(salesperson.userName()))
                .<Salesperson>map(salesperson -> salesperson).findFirst();
    }

    @Override
    public Salesperson get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("salesperson", code));
    }

    @Override
    public Salesperson create(String code, SalespersonValues values) {
        throw new AssertionError("tasks never create salespeople");
    }

    @Override
    public Page<Salesperson> list(SalespersonQuery query, PageRequest page) {
        throw new AssertionError("tasks never list salespeople");
    }

    @Override
    public Salesperson update(String code, SalespersonValues values, Long expectedVersion) {
        throw new AssertionError("tasks never change salespeople");
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        throw new AssertionError("tasks never delete salespeople");
    }
}
