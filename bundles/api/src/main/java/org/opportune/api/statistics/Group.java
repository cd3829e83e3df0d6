package org.opportune.api.statistics;

import java.util.Collections;
import java.util.List;

/**
 * One group of an {@link Aggregation}: its key values in the order of {@code groupBy} (types as
 * {@link GroupKey} names them, null allowed) and its figures.
 */
public record Group(List<Object> keys, Figures figures) {

    public Group {
        keys = Collections.unmodifiableList(new java.util.ArrayList<>(keys)); // keys may be null
    }
}
