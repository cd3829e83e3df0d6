package org.opportune.opportunities.internal.usage;

/** Counts as people read them. */
final class Keys {
    private Keys() {
    }

    static String count(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
