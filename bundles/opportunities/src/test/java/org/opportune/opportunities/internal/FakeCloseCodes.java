package org.opportune.opportunities.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.opportune.api.Codes;
import org.opportune.api.NotFoundException;
import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.ValidationException;
import org.opportune.api.cycle.CloseCodeValues;
import org.opportune.api.cycle.CloseOpportunityCode;
import org.opportune.api.cycle.CloseOpportunityCodeQuery;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.CloseOpportunityCodeType;
import org.opportune.opportunities.internal.TestViews.TestCloseCode;

/** Close codes kept in a map, checked as the cycles module does. */
class FakeCloseCodes implements CloseOpportunityCodeService {
    private final Map<String, CloseOpportunityCode> codes = new ConcurrentHashMap<>();

    void add(String code, CloseOpportunityCodeType type) {
        codes.put(code, new TestCloseCode(code, code + " reason", type));
    }

    @Override
    public Optional<CloseOpportunityCode> find(String code) {
        String key = Codes.normalise(code);
        return key == null ? Optional.empty() : Optional.ofNullable(codes.get(key));
    }

    @Override
    public CloseOpportunityCode get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("close opportunity code", code));
    }

    @Override
    public CloseOpportunityCode requireOfType(String code, CloseOpportunityCodeType type, String field) {
        CloseOpportunityCode closeCode = find(code).orElseThrow(() -> new ValidationException(field,
                "names close opportunity code " + code + ", which does not exist"));
        if (closeCode.type() != type) {
            throw new ValidationException(field, "names close opportunity code " + closeCode.code() + " of type "
                    + closeCode.type() + "; closing as " + type + " needs a code of type " + type);
        }
        return closeCode;
    }

    @Override
    public CloseOpportunityCode create(String code, CloseCodeValues values) {
        throw new AssertionError("opportunities never create close codes");
    }

    @Override
    public Page<CloseOpportunityCode> list(CloseOpportunityCodeQuery query, PageRequest page) {
        throw new AssertionError("opportunities never list close codes");
    }

    @Override
    public CloseOpportunityCode update(String code, CloseCodeValues values, Long expectedVersion) {
        throw new AssertionError("opportunities never change close codes");
    }

    @Override
    public void delete(String code, Long expectedVersion) {
        throw new AssertionError("opportunities never delete close codes");
    }
}
