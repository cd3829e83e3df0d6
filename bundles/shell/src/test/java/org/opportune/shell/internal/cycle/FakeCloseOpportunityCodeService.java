package org.opportune.shell.internal.cycle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * An in-memory CloseOpportunityCodeService, ordered by code, that records the calls the commands
 * make; codes marked used refuse to be deleted as a usage check of the opportunities module would.
 */
public final class FakeCloseOpportunityCodeService implements CloseOpportunityCodeService {

    /** One call of {@link #delete}. */
    public record Deletion(String code, Long expectedVersion) {
    }

    private final Map<String, CloseOpportunityCode> rows = new TreeMap<>();
    private final Set<String> used = new HashSet<>();
    public final List<CloseOpportunityCode> creates = new ArrayList<>();
    public final List<Deletion> deletions = new ArrayList<>();
    public CloseOpportunityCodeQuery lastQuery;
    public PageRequest lastPage;

    /** Stores a code as it is, version included. */
    public FakeCloseOpportunityCodeService with(CloseOpportunityCode closeCode) {
        rows.put(closeCode.code(), closeCode);
        return this;
    }

    /** Makes the usage checks refuse to delete the code. */
    public FakeCloseOpportunityCodeService withEntriesUsing(String code) {
        used.add(code);
        return this;
    }

    @Override
    public CloseOpportunityCode create(CloseOpportunityCode closeCode) {
        creates.add(closeCode);
        new Violations().code("code", closeCode.code(), CloseOpportunityCode.CODE_LENGTH)
                .maxLength("description", closeCode.description(), CloseOpportunityCode.DESCRIPTION_LENGTH)
                .required("type", closeCode.type())
                .throwIfAny();
        String code = key(closeCode.code());
        if (rows.containsKey(code)) {
            throw new ConflictException("close opportunity code " + code + " exists already",
                    List.of(new FieldError("code", "is taken by an existing close opportunity code")));
        }
        CloseOpportunityCode created = new CloseOpportunityCode(code, closeCode.description(), closeCode.type(), 1L);
        rows.put(code, created);
        return created;
    }

    @Override
    public Optional<CloseOpportunityCode> find(String code) {
        return Optional.ofNullable(rows.get(key(code)));
    }

    @Override
    public CloseOpportunityCode get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("close opportunity code", key(code)));
    }

    @Override
    public Page<CloseOpportunityCode> list(CloseOpportunityCodeQuery query, PageRequest page) {
        lastQuery = query;
        lastPage = page;
        for (SortKey sortKey : page.sort()) {
            if (!SORT_FIELDS.contains(sortKey.field())) {
                throw new ValidationException("sort", "unknown sort field '" + sortKey.field() + "'");
            }
        }
        String text = query.text() == null ? null : query.text().toUpperCase(Locale.ROOT);
        List<CloseOpportunityCode> matching = rows.values().stream()
                .filter(c -> text == null || c.code().contains(text)
                        || c.description() != null && c.description().toUpperCase(Locale.ROOT).contains(text))
                .filter(c -> query.type() == null || c.type() == query.type())
                .toList();
        return new Page<>(matching.stream().skip(page.offset()).limit(page.limit()).toList(), matching.size(),
                page.offset(), page.limit());
    }

    @Override
    public CloseOpportunityCode update(String code, CloseOpportunityCode closeCode, Long expectedVersion) {
        throw new UnsupportedOperationException("no command updates close opportunity codes");
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        deletions.add(new Deletion(code, expectedVersion));
        CloseOpportunityCode current = get(code);
        if (expectedVersion != null && !expectedVersion.equals(current.version())) {
            throw new StaleVersionException("close opportunity code", current.code(), current.version());
        }
        if (used.contains(current.code())) {
            throw new ConflictException("close opportunity code " + current.code()
                    + " cannot be deleted: 3 opportunity entries use it");
        }
        rows.remove(current.code());
    }

    @Override
    public CloseOpportunityCode requireOfType(String code, CloseOpportunityCodeType type, String field) {
        return get(code);
    }

    private static String key(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }
}
