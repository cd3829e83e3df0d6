package org.opportune.rest.internal.dto;

import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The list envelope of every list: {@code {"items": [...], "total": 123, "offset": 0, "limit": 50}}. Named
 * {@code Page} because the OpenAPI document names a list {@code Page} plus its item's schema, e.g.
 * {@code PageSalesperson}.
 *
 * @param total how many items match in all
 */
public record Page<T>(List<T> items, @Schema(description = "how many items match in all") long total, int offset,
        int limit) {

    public Page {
        items = List.copyOf(items);
    }

    /** The JSON of a service's page: the same slice, each item as {@code json} writes it. */
    public static <V, T> Page<T> of(org.opportune.api.Page<V> page, Function<? super V, T> json) {
        return new Page<>(page.items().stream().<T>map(json).toList(), page.total(), page.offset(), page.limit());
    }
}
