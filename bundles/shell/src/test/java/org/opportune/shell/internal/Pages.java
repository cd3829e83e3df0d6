package org.opportune.shell.internal;

import java.util.List;

import org.opportune.api.Page;
import org.opportune.api.PageRequest;
import org.opportune.api.SortKey;
import org.opportune.api.ValidationException;

/** The page the tests' services give of the records matching a query; they keep their own order. */
public final class Pages {

    private Pages() {
    }

    /** @throws ValidationException a sort field is not one of those given, as the services refuse it */
    public static <T> Page<T> of(List<T> matching, PageRequest page, List<String> sortFields) {
        for (SortKey key : page.sort()) {
            if (!sortFields.contains(key.field())) {
                throw new ValidationException("sort", "unknown sort field '" + key.field() + "'");
            }
        }
        return new Page<>(matching.stream().skip(page.offset()).limit(page.limit()).toList(), matching.size(),
                page.offset(), page.limit());
    }
}
