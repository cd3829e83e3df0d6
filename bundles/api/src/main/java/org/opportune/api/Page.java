package org.opportune.api;

import java.util.List;
import java.util.function.Function;

/**
 * One slice of a list.
 *
 * @param items  the records of this slice
 * @param total  how many records match the query in all
 * @param offset the offset asked for
 * @param limit  the limit asked for
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, offset, limit);
    }
}
