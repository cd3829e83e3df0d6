package org.opportune.cycles.internal;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;


/**
 * The sales cycles as last read, so that the opportunities module can plan a move without a
 * database round trip: cycles change rarely and only through this module, which clears the cache
 * after every write. A read that overlapped a write is not kept (the generation tells), so a
 * cleared cache is never refilled with what the write replaced. Only this JVM's writes are seen:
 * several Karaf nodes on one database would each keep their own.
 */
final class CycleCache {
    private final ConcurrentMap<String, SalesCycleView> cycles = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** @param read reads the cycle from the database when it is not cached */
    Optional<SalesCycleView> find(String code, Supplier<Optional<SalesCycleView>> read) {
        SalesCycleView cached = cycles.get(code);
        if (cached != null) {
            return Optional.of(cached);
        }
        long seen = generation.get();
        Optional<SalesCycleView> found = read.get();
        if (found.isPresent() && generation.get() == seen) {
            cycles.putIfAbsent(code, found.get());
            if (generation.get() != seen) {
                cycles.remove(code); // a write ended meanwhile: what we read may be what it replaced
            }
        }
        return found;
    }

    /** Runs a write and forgets every cycle, before and after it (readers overlapping it do not keep theirs). */
    <T> T writing(Supplier<T> write) {
        invalidate();
        try {
            return write.get();
        } finally {
            invalidate();
        }
    }

    private void invalidate() {
        generation.incrementAndGet();
        cycles.clear();
    }
}
