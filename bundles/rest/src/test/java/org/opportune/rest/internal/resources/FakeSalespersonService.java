package org.opportune.rest.internal.resources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

/** An in-memory SalespersonService with the behaviour the REST layer relies on. */
final class FakeSalespersonService implements SalespersonService {
    private final Map<String, Salesperson> rows = new TreeMap<>();
    final List<Long> expectedVersions = new ArrayList<>();

    @Override
    public synchronized Salesperson create(Salesperson salesperson) {
        Violations violations = new Violations().code("code", salesperson.code(), Salesperson.CODE_LENGTH)
                .requiredText("name", salesperson.name(), Salesperson.NAME_LENGTH)
                .percent("commissionPercent", salesperson.commissionPercent());
        if (salesperson.version() != null) {
            violations.add("version", "is set by the server");
        }
        violations.throwIfAny();
        String code = salesperson.code().trim().toUpperCase();
        if (rows.containsKey(code)) {
            throw new ConflictException("salesperson " + code + " exists already",
                    List.of(new FieldError("code", "is taken by an existing salesperson")));
        }
        Salesperson created = copy(salesperson, code, 1L);
        rows.put(code, created);
        return created;
    }

    @Override
    public synchronized Optional<Salesperson> find(String code) {
        return Optional.ofNullable(rows.get(code.trim().toUpperCase()));
    }

    @Override
    public Salesperson get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("salesperson", code.toUpperCase()));
    }

    @Override
    public synchronized Page<Salesperson> list(SalespersonQuery query, PageRequest page) {
        for (SortKey key : page.sort()) {
            if (!SORT_FIELDS.contains(key.field())) {
                throw new ValidationException("sort", "unknown sort field '" + key.field() + "'");
            }
        }
        List<Salesperson> matching = rows.values().stream()
                .filter(s -> query.text() == null || s.code().contains(query.text().toUpperCase())
                        || s.name().toUpperCase().contains(query.text().toUpperCase()))
                .filter(s -> query.blocked() == null || s.blocked() == query.blocked())
                .sorted(page.sort().stream().anyMatch(k -> k.field().equals("name") && k.descending())
                        ? Comparator.comparing(Salesperson::name).reversed() : Comparator.comparing(Salesperson::code))
                .toList();
        List<Salesperson> slice = matching.stream().skip(page.offset()).limit(page.limit()).toList();
        return new Page<>(slice, matching.size(), page.offset(), page.limit());
    }

    @Override
    public synchronized Salesperson update(String code, Salesperson salesperson, Long expectedVersion) {
        expectedVersions.add(expectedVersion);
        Salesperson current = get(code);
        if (expectedVersion != null && !expectedVersion.equals(current.version())) {
            throw new StaleVersionException("salesperson", current.code(), current.version());
        }
        Violations violations = new Violations().requiredText("name", salesperson.name(), Salesperson.NAME_LENGTH);
        if (salesperson.version() != null && !salesperson.version().equals(current.version())) {
            violations.add("version", "is owned by the server (current " + current.version() + ")");
        }
        if (salesperson.code() != null && !salesperson.code().equalsIgnoreCase(current.code())) {
            violations.add("code", "is the key and cannot be changed");
        }
        violations.throwIfAny();
        Salesperson updated = copy(salesperson, current.code(), current.version() + 1);
        rows.put(current.code(), updated);
        return updated;
    }

    @Override
    public synchronized void delete(String code, Long expectedVersion) {
        Salesperson current = get(code);
        if (expectedVersion != null && !expectedVersion.equals(current.version())) {
            throw new StaleVersionException("salesperson", current.code(), current.version());
        }
        rows.remove(current.code());
    }

    @Override
    public Salesperson requireAssignable(String code, String field) {
        return find(code).orElseThrow(() -> new ValidationException(field, "names an unknown salesperson"));
    }

    private static Salesperson copy(Salesperson s, String code, long version) {
        return new Salesperson(code, s.name(), s.email(), s.phone(), s.jobTitle(), s.commissionPercent(), s.blocked(),
                version);
    }
}
