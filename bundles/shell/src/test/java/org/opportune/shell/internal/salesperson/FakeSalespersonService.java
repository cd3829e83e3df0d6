package org.opportune.shell.internal.salesperson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.SortKey;
import org.opportune.api.StaleVersionException;
import org.opportune.api.ValidationException;
import org.opportune.api.Violations;
import org.opportune.api.salesperson.Salesperson;
import org.opportune.api.salesperson.SalespersonQuery;
import org.opportune.api.salesperson.SalespersonService;

/** An in-memory SalespersonService, ordered by code, that records the calls the commands make. */
public final class FakeSalespersonService implements SalespersonService {

    /** One call of {@link #update} or {@link #delete}. */
    public record Change(String code, Salesperson salesperson, Long expectedVersion) {
    }

    private final Map<String, Salesperson> rows = new TreeMap<>();
    public final List<Change> updates = new ArrayList<>();
    public final List<Change> deletes = new ArrayList<>();
    public SalespersonQuery lastQuery;
    public PageRequest lastPage;

    /** Stores a salesperson as it is, version included. */
    public FakeSalespersonService with(Salesperson salesperson) {
        rows.put(salesperson.code(), salesperson);
        return this;
    }

    @Override
    public Salesperson create(Salesperson salesperson) {
        Violations violations = new Violations().code("code", salesperson.code(), Salesperson.CODE_LENGTH)
                .requiredText("name", salesperson.name(), Salesperson.NAME_LENGTH)
                .email("email", salesperson.email(), Salesperson.EMAIL_LENGTH)
                .percent("commissionPercent", salesperson.commissionPercent());
        violations.throwIfAny();
        String code = key(salesperson.code());
        if (rows.containsKey(code)) {
            throw new ConflictException("salesperson " + code + " exists already",
                    List.of(new FieldError("code", "is taken by an existing salesperson")));
        }
        Salesperson created = new Salesperson(code, salesperson.name(), salesperson.email(), salesperson.phone(),
                salesperson.jobTitle(), salesperson.commissionPercent(), salesperson.blocked(), 1L);
        rows.put(code, created);
        return created;
    }

    @Override
    public Optional<Salesperson> find(String code) {
        return Optional.ofNullable(rows.get(key(code)));
    }

    @Override
    public Salesperson get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("salesperson", key(code)));
    }

    @Override
    public Page<Salesperson> list(SalespersonQuery query, PageRequest page) {
        lastQuery = query;
        lastPage = page;
        for (SortKey key : page.sort()) {
            if (!SORT_FIELDS.contains(key.field())) {
                throw new ValidationException("sort", "unknown sort field '" + key.field() + "'");
            }
        }
        String text = query.text() == null ? null : query.text().toUpperCase(Locale.ROOT);
        List<Salesperson> matching = rows.values().stream()
                .filter(s -> text == null || s.code().contains(text) || s.name().toUpperCase(Locale.ROOT).contains(text))
                .filter(s -> query.blocked() == null || s.blocked() == query.blocked())
                .toList();
        return new Page<>(matching.stream().skip(page.offset()).limit(page.limit()).toList(), matching.size(),
                page.offset(), page.limit());
    }

    @Override
    public Salesperson update(String code, Salesperson salesperson, Long expectedVersion) {
        updates.add(new Change(code, salesperson, expectedVersion));
        Salesperson current = checkedForChange(code, expectedVersion);
        Salesperson updated = new Salesperson(current.code(), salesperson.name(), salesperson.email(),
                salesperson.phone(), salesperson.jobTitle(), salesperson.commissionPercent(), salesperson.blocked(),
                current.version() + 1);
        rows.put(current.code(), updated);
        return updated;
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        deletes.add(new Change(code, null, expectedVersion));
        rows.remove(checkedForChange(code, expectedVersion).code());
    }

    @Override
    public Salesperson requireAssignable(String code, String field) {
        return get(code);
    }

    private Salesperson checkedForChange(String code, Long expectedVersion) {
        Salesperson current = get(code);
        if (expectedVersion != null && !expectedVersion.equals(current.version())) {
            throw new StaleVersionException("salesperson", current.code(), current.version());
        }
        return current;
    }

    private static String key(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }
}
