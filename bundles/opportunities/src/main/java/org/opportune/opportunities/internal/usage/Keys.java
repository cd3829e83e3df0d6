package org.opportune.opportunities.internal.usage;

/** Keys as the owning modules store them, and counts as people read them. */
final class Keys {
    private Keys() {
    }

    static String normalised(String key) {
        return key == null ? null : key.trim().toUpperCase();
    }

    static String count(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
