package org.opportune.opportunities.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Which sales cycle each opportunity named when this server last moved it, so that a move can read
 * its cycle before its transaction without first reading the opportunity. Only a hint: the move
 * confirms it under the opportunity's lock and reads again when it was wrong (the cycle changed
 * meanwhile, or another server changed it), so a stale hint costs a retry, never a wrong move.
 */
final class CycleCodeHints {
    /** Past this many, the hints start over: a bound on memory, not on correctness. */
    static final int MAX_HINTS = 50_000;

    private final Map<String, String> hints = new ConcurrentHashMap<>();
    private final UnaryOperator<String> read;

    /** @param read reads an opportunity's cycle code from the database (null when there is no opportunity) */
    CycleCodeHints(UnaryOperator<String> read) {
        this.read = read;
    }

    /** @return the hinted cycle code, or what the database says now */
    String of(String opportunityNo) {
        String hint = opportunityNo == null ? null : hints.get(opportunityNo);
        return hint != null ? hint : read.apply(opportunityNo);
    }

    /**
     * Called under the opportunity's lock with the cycle it really names.
     *
     * @return whether {@code assumed} was right; the hint is corrected either way
     */
    boolean confirm(String opportunityNo, String assumed, String actual) {
        if (actual == null) {
            hints.remove(opportunityNo);
        } else {
            if (hints.size() >= MAX_HINTS) {
                hints.clear();
            }
            hints.put(opportunityNo, actual);
        }
        return Objects.equals(assumed, actual);
    }
}
