package org.opportune.shell.internal.cycle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opportune.api.ConflictException;
import org.opportune.api.FieldError;
import org.opportune.api.Violations;
import org.opportune.api.cycle.CloseCodeValues;
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeQuery;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.shell.internal.FakeService;
import org.opportune.shell.internal.Inputs;
import org.opportune.shell.internal.Rows;
import org.opportune.shell.internal.Views;
import org.opportune.shell.internal.Views.CloseCodeView;

/**
 * An in-memory CloseOpportunityCodeService, ordered by code, that records the calls the commands
 * make; codes marked used refuse to be deleted as a usage check of the opportunities module would.
 */
public final class FakeCloseOpportunityCodeService
        extends FakeService<CloseOpportunityCode, CloseOpportunityCodeQuery> implements CloseOpportunityCodeService {

    /** One call of {@link #create}: the values sent field by field (see {@link Inputs}). */
    public record Creation(String code, Map<String, Object> sent) {
    }

    /** One call of {@link #delete}. */
    public record Deletion(String code, Long expectedVersion) {
    }

    private final Set<String> used = new HashSet<>();
    public final List<Creation> creates = new ArrayList<>();
    public final List<Deletion> deletions = new ArrayList<>();

    public FakeCloseOpportunityCodeService() {
        super(new Rows<>("close opportunity code", CloseOpportunityCode::code, CloseOpportunityCode::version),
                SORT_FIELDS);
    }

    /** Stores a code as it is, version included. */
    public FakeCloseOpportunityCodeService with(CloseOpportunityCode closeCode) {
        rows.put(closeCode);
        return this;
    }

    /** Makes the usage checks refuse to delete the code. */
    public FakeCloseOpportunityCodeService withEntriesUsing(String code) {
        used.add(code);
        return this;
    }

    @Override
    public CloseOpportunityCode create(String givenCode, CloseCodeValues closeCode) {
        creates.add(new Creation(givenCode, Inputs.fields(closeCode)));
        new Violations().code("code", givenCode, CloseOpportunityCode.CODE_LENGTH)
                .maxLength("description", closeCode.description(), CloseOpportunityCode.DESCRIPTION_LENGTH)
                .required("type", closeCode.type())
                .throwIfAny();
        String code = Rows.key(givenCode);
        if (rows.contains(code)) {
            throw new ConflictException("close opportunity code " + code + " exists already",
                    List.of(new FieldError("code", "is taken by an existing close opportunity code")));
        }
        return rows.put(new CloseCodeView(code, closeCode.description(), closeCode.type(), 1L, changedBy(),
                Views.COMMITTED));
    }

    @Override
    protected boolean matches(CloseOpportunityCodeQuery query, CloseOpportunityCode closeCode) {
        return Rows.matches(query.text(), closeCode.code(), closeCode.description())
                && (query.type() == null || closeCode.type() == query.type());
    }

    @Override
    public CloseOpportunityCode update(String code, CloseCodeValues closeCode, Long expectedVersion) {
        throw new UnsupportedOperationException("no command updates close opportunity codes");
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        deletions.add(new Deletion(code, expectedVersion));
        CloseOpportunityCode current = rows.current(code, expectedVersion);
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
}
