package org.opportune.api;

import java.util.ArrayList;
import java.util.List;

/** One sort field and its direction. */
public record SortKey(String field, boolean descending) {

    /**
     * Parses the {@code sort} list syntax of the REST API: {@code field,-other} sorts by
     * {@code field} ascending, then {@code other} descending.
     */
    public static List<SortKey> parse(String sort) {
        List<SortKey> keys = new ArrayList<>();
        if (sort == null || sort.isBlank()) {
            return keys;
        }
        for (String part : sort.split(",")) {
            String token = part.trim();
            if (token.isEmpty()) {
                continue;
            }
            boolean descending = token.startsWith("-");
            String field = descending || token.startsWith("+") ? token.substring(1) : token;
            keys.add(new SortKey(field, descending));
        }
        return keys;
    }
}
