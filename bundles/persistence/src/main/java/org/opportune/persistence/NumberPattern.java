package org.opportune.persistence;

import java.util.Objects;

import org.opportune.api.Codes;

/**
 * How a number series writes its numbers, as a module's configuration sets it: a prefix ({@code CT}, normalised as
 * codes are; blank = none) and the digits the number is padded to (1 to 18, what a {@code long} holds).
 */
public record NumberPattern(String prefix, int digits) {
    public static final int MAX_DIGITS = 18;

    /**
     * @param pid the configuration the values come from, named in the refusal
     * @throws IllegalArgumentException the digits are out of range
     */
    public static NumberPattern configured(String pid, String prefix, int digits) {
        if (digits < 1 || digits > MAX_DIGITS) {
            throw new IllegalArgumentException(pid + ": numberDigits must be between 1 and " + MAX_DIGITS + ", is "
                    + digits);
        }
        return new NumberPattern(Objects.requireNonNullElse(Codes.normalise(prefix), ""), digits);
    }
}
