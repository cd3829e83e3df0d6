package org.opportune.api;

import java.util.Locale;

/**
 * How every module spells a code or number key (salesperson code, contact no., sales cycle code, …):
 * trimmed and upper-case. Upper-casing uses {@link Locale#ROOT}, never the JVM's default locale, so
 * that a server running in Turkish stores {@code tim} as {@code TIM} and not {@code TİM}.
 */
public final class Codes {

    private Codes() {
    }

    /**
     * @param code a code as a client typed it, e.g. {@code " jo "}
     * @return the code trimmed and upper-cased with {@link Locale#ROOT}, e.g. {@code JO}; {@code null}
     *         when the code is {@code null} or blank: a blank code names no record, so a lookup by it
     *         finds nothing, a filter by it filters nothing and a required code given blank is missing
     */
    public static String normalise(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
    }
}
