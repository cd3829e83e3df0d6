package org.opportune.benchmark;

/** The benchmarks' options, read from {@code -D} system properties with a default and checked. */
final class SystemProperties {
    private SystemProperties() {
    }

    static String text(String key, String fallback) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    static int number(String key, int fallback, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(text(key, Integer.toString(fallback)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, is " + System.getProperty(key));
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", is " + value);
        }
        return value;
    }
}
