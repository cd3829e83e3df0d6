package org.opportune.rest.internal.resources;

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
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeQuery;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.CloseOpportunityCodeType;

/**
 * An in-memory CloseOpportunityCodeService that refuses what the cycles module refuses. Codes in
 * {@link #inUse} cannot be deleted (as when an entry uses them).
 */
final class FakeCloseCodeService implements CloseOpportunityCodeService {
    private final Map<String, CloseOpportunityCode> rows = new TreeMap<>();
    final List<String> inUse = new ArrayList<>();

    @Override
    public synchronized CloseOpportunityCode create(CloseOpportunityCode closeCode) {
        Violations violations = new Violations().code("code", closeCode.code(), CloseOpportunityCode.CODE_LENGTH);
        checkFields(violations, closeCode);
        if (closeCode.version() != null) {
            violations.add("version", "is set by the server");
        }
        violations.throwIfAny();
        String code = normalised(closeCode.code());
        if (rows.containsKey(code)) {
            throw new ConflictException("close opportunity code " + code + " exists already",
                    List.of(new FieldError("code", "is taken by an existing close opportunity code")));
        }
        CloseOpportunityCode created = new CloseOpportunityCode(code, closeCode.description(), closeCode.type(), 1L);
        rows.put(code, created);
        return created;
    }

    @Override
    public synchronized Optional<CloseOpportunityCode> find(String code) {
        return Optional.ofNullable(rows.get(normalised(code)));
    }

    @Override
    public CloseOpportunityCode get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("close opportunity code", normalised(code)));
    }

    @Override
    public synchronized Page<CloseOpportunityCode> list(CloseOpportunityCodeQuery query, PageRequest page) {
        for (SortKey key : page.sort()) {
            if (!SORT_FIELDS.contains(key.field())) {
                throw new ValidationException("sort", "unknown sort field '" + key.field() + "'; sortable: "
                        + String.join(", ", SORT_FIELDS));
            }
        }
        List<CloseOpportunityCode> matching = rows.values().stream()
                .filter(c -> query.type() == null || c.type() == query.type()).toList();
        return new Page<>(matching.stream().skip(page.offset()).limit(page.limit()).toList(), matching.size(),
                page.offset(), page.limit());
    }

    @Override
    public synchronized CloseOpportunityCode update(String code, CloseOpportunityCode closeCode,
            Long expectedVersion) {
        CloseOpportunityCode current = forChange(code, expectedVersion);
        Violations violations = new Violations();
        if (closeCode.code() != null && !normalised(closeCode.code()).equals(current.code())) {
            violations.add("code", "is the key and cannot be changed (path says " + current.code() + ")");
        }
        if (closeCode.version() != null && !closeCode.version().equals(current.version())) {
            violations.add("version", "is owned by the server (current " + current.version() + ")");
        }
        checkFields(violations, closeCode);
        violations.throwIfAny();
        CloseOpportunityCode updated = new CloseOpportunityCode(current.code(), closeCode.description(),
                closeCode.type(), current.version() + 1);
        rows.put(current.code(), updated);
        return updated;
    }

    @Override
    public synchronized void delete(String code, Long expectedVersion) {
        CloseOpportunityCode current = forChange(code, expectedVersion);
        if (inUse.contains(current.code())) {
            throw new ConflictException("close opportunity code " + current.code()
                    + " is in use: an opportunity entry uses it");
        }
        rows.remove(current.code());
    }

    @Override
    public CloseOpportunityCode requireOfType(String code, CloseOpportunityCodeType type, String field) {
        CloseOpportunityCode closeCode = find(code).orElseThrow(() -> new ValidationException(field,
                "names close opportunity code " + normalised(code) + ", which does not exist"));
        if (closeCode.type() != type) {
            throw new ValidationException(field, "names close opportunity code " + closeCode.code() + " of type "
                    + closeCode.type() + "; closing as " + type + " needs a code of type " + type);
        }
        return closeCode;
    }

    private static void checkFields(Violations violations, CloseOpportunityCode closeCode) {
        violations.maxLength("description", closeCode.description(), CloseOpportunityCode.DESCRIPTION_LENGTH)
                .required("type", closeCode.type());
    }

    private CloseOpportunityCode forChange(String code, Long expectedVersion) {
        CloseOpportunityCode current = get(code);
        if (expectedVersion != null && !expectedVersion.equals(current.version())) {
            throw new StaleVersionException("close opportunity code", current.code(), current.version());
        }
        return current;
    }

    private static String normalised(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }
}
