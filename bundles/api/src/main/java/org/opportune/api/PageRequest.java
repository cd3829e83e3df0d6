package org.opportune.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Which slice of a list to return and in which order.
 *
 * @param offset the number of items to skip, at least 0
 * @param limit  the most items to return, 1 to {@link #MAX_LIMIT}
 * @param sort   sort keys, applied in order; the key of the records breaks ties
 */
public record PageRequest(int offset, int limit, List<SortKey> sort) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        List<FieldError> errors = new ArrayList<>();
        if (offset < 0) {
            errors.add(new FieldError("offset", "must be 0 or more"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        sort = sort == null ? List.of() : List.copyOf(sort);
    }

    /** The first page of the default size, in the default order. */
    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_LIMIT, List.of());
    }

    public static PageRequest of(int offset, int limit, String sort) {
        return new PageRequest(offset, limit, SortKey.parse(sort));
    }
}
