package org.opportune.shell.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import org.opportune.api.NotFoundException;
import org.opportune.api.StaleVersionException;

/**
 * The records a test service keeps, in the order of their keys, found as the services find them:
 * the key trimmed, in any case; a write expects a version as they do.
 */
public final class Rows<T> {
    private final Map<String, T> rows = new TreeMap<>();
    private final String resource;
    private final Function<T, String> keyOf;
    private final ToLongFunction<T> versionOf;

    /** @param resource what a record is called in refusals, e.g. {@code sales cycle} */
    public Rows(String resource, Function<T, String> keyOf, ToLongFunction<T> versionOf) {
        this.resource = resource;
        this.keyOf = keyOf;
        this.versionOf = versionOf;
    }

    /** Stores the record as it is, replacing the one of its key. */
    public T put(T record) {
        rows.put(keyOf.apply(record), record);
        return record;
    }

    public Optional<T> find(String key) {
        return Optional.ofNullable(rows.get(key(key)));
    }

    /** @throws NotFoundException there is no such record */
    public T get(String key) {
        return find(key).orElseThrow(() -> new NotFoundException(resource, key(key)));
    }

    /** @throws StaleVersionException the record is at another version than the one expected */
    public T current(String key, Long expectedVersion) {
        T current = get(key);
        long version = versionOf.applyAsLong(current);
        if (expectedVersion != null && expectedVersion != version) {
            throw new StaleVersionException(resource, keyOf.apply(current), version);
        }
        return current;
    }

    public boolean contains(String key) {
        return rows.containsKey(key(key));
    }

    public void remove(String key) {
        rows.remove(key(key));
    }

    public Stream<T> stream() {
        return rows.values().stream();
    }

    /** @return the key as the services store it: trimmed, upper-case */
    public static String key(String key) {
        return key == null ? null : key.trim().toUpperCase(Locale.ROOT);
    }

    /** @return whether one of the texts contains the text filter in any case; a filter not set matches */
    public static boolean matches(String filter, String... texts) {
        if (filter == null) {
            return true;
        }
        String wanted = filter.toUpperCase(Locale.ROOT);
        return Stream.of(texts).anyMatch(text -> text != null && text.toUpperCase(Locale.ROOT).contains(wanted));
    }
}
