package org.opportune.cycles.internal;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.opportune.persistence.CacheGeneration;

/**
 * The sales cycles (stages, probability model, blocked) as last read, so that the opportunities
 * module plans a move without loading the cycle again. Several nodes may share the database, so
 * every use first reads the module's {@link CacheGeneration} (one small SELECT, plain JDBC on a
 * connection of its own) and serves a cached cycle only when the generation is the one it was loaded at;
 * every write of this module bumps the generation in its own transaction. The generation is read
 * <em>before</em> the cycle is loaded, and the cycle kept under that generation: a commit in
 * between makes the next use see another generation and load again.
 */
final class CycleCache {
    /** The cycles loaded while the database said {@code generation}. */
    private record Snapshot(long generation, ConcurrentMap<String, SalesCycleView> cycles) {
        Snapshot(long generation) {
            this(generation, new ConcurrentHashMap<>());
        }
    }

    private final LongSupplier generation;
    private final Function<String, Optional<SalesCycleView>> load;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(Long.MIN_VALUE));
    private final AtomicLong loads = new AtomicLong();

    /**
     * @param generation reads the generation committed now ({@link CacheGeneration#current(javax.sql.DataSource)})
     * @param load       reads a cycle, by its normalised code, from the database
     */
    CycleCache(LongSupplier generation, Function<String, Optional<SalesCycleView>> load) {
        this.generation = generation;
        this.load = load;
    }

    /** @param code a normalised code */
    Optional<SalesCycleView> find(String code) {
        long current = generation.getAsLong(); // before loading, see above
        Snapshot valid = snapshot.updateAndGet(held -> held.generation() == current ? held : new Snapshot(current));
        SalesCycleView cached = valid.cycles().get(code);
        if (cached != null) {
            return Optional.of(cached);
        }
        loads.incrementAndGet();
        Optional<SalesCycleView> found = load.apply(code);
        // kept under the generation read before loading; if another thread has moved on meanwhile this
        // snapshot is no longer used and the cycle is dropped with it
        found.ifPresent(cycle -> valid.cycles().putIfAbsent(code, cycle));
        return found;
    }

    /** @return how often a cycle was loaded from the database rather than served from the cache */
    long loads() {
        return loads.get();
    }

}
