package org.opportune.shell.internal.salesperson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.Violations;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.api.salesperson.SalespersonValues;
import org.opportune.shell.internal.FakeService;
import org.opportune.shell.internal.Inputs;
import org.opportune.shell.internal.Rows;
import org.opportune.shell.internal.Views;
import org.opportune.shell.internal.Views.SalespersonView;

/** An in-memory SalespersonService, ordered by code, that records the calls the commands make. */
public final class FakeSalespersonService extends FakeService<Salesperson, SalespersonQuery>
        implements SalespersonService {

    /** One call of {@link #update} or {@link #delete}: the values sent field by field (see {@link Inputs}). */
    public record Change(String code, Map<String, Object> sent, Long expectedVersion) {
    }

    public final List<Change> updates = new ArrayList<>();
    public final List<Change> deletes = new ArrayList<>();

    public FakeSalespersonService() {
        super(new Rows<>("salesperson", Salesperson::code, Salesperson::version), SORT_FIELDS);
    }

    /** Stores a salesperson as it is, version included. */
    public FakeSalespersonService with(Salesperson salesperson) {
        rows.put(salesperson);
        return this;
    }

    @Override
    public Salesperson create(String code, SalespersonValues values) {
        new Violations().code("code", code, Salesperson.CODE_LENGTH)
                .requiredText("name", values.name(), Salesperson.NAME_LENGTH)
                .email("email", values.email(), Salesperson.EMAIL_LENGTH)
                .percent("commissionPercent", values.commissionPercent())
                .maxLength("userName", values.userName(), Salesperson.USER_NAME_LENGTH)
                .throwIfAny();
        if (rows.contains(code)) {
            throw new ConflictException("salesperson " + Rows.key(code) + " exists already",
                    List.of(new FieldError("code", "is taken by an existing salesperson")));
        }
        return store(Rows.key(code), values, 1L);
    }

    @Override
    public Optional<Salesperson> findByUserName(String userName) {
        return rows.stream().filter(s -> s.userName() != null && s.userName().equals(userName)).findFirst();
    }

    @Override
    protected boolean matches(SalespersonQuery query, Salesperson salesperson) {
        return Rows.matches(query.text(), salesperson.code(), salesperson.name())
                && (query.blocked() == null || salesperson.blocked() == query.blocked());
    }

    @Override
    public Salesperson update(String code, SalespersonValues values, Long expectedVersion) {
        updates.add(new Change(code, Inputs.fields(values), expectedVersion));
        Salesperson current = rows.current(code, expectedVersion);
        return store(current.code(), values, current.version() + 1);
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        deletes.add(new Change(code, null, expectedVersion));
        rows.remove(rows.current(code, expectedVersion).code());
    }

    @Override
    public Salesperson requireAssignable(String code, String field) {
        return get(code);
    }

    /** Stores the values as the salesperson's, written by the caller bound now; one login acts as one salesperson. */
    private Salesperson store(String code, SalespersonValues values, long version) {
        findByUserName(values.userName()).filter(other -> !other.code().equals(code)).ifPresent(other -> {
            throw new ConflictException("login " + values.userName() + " acts as salesperson " + other.code(),
                    List.of(new FieldError("userName", "is taken by salesperson " + other.code())));
        });
        return rows.put(new SalespersonView(code, values.name(), values.email(), values.phone(), values.jobTitle(),
                values.commissionPercent(), values.blocked(), values.userName(), version, changedBy(),
                Views.COMMITTED));
    }
}
