package org.opportune.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every field error of an input before refusing it, so that a client learns of all its
 * mistakes at once. Modules use it to check input against the limits of DOMAIN §1.
 */
public final class Violations {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final List<FieldError> errors = new ArrayList<>();

    public Violations add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** The value must be present and not blank. */
    public Violations required(String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            add(field, "is required");
        }
        return this;
    }

    /** A present value must not be longer than {@code max} characters. */
    public Violations maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "must be at most " + max + " characters (got " + value.length() + ")");
        }
        return this;
    }

    /** The value must be present, not blank and not longer than {@code max} characters. */
    public Violations requiredText(String field, String value, int max) {
        required(field, value);
        return maxLength(field, value, max);
    }

    /**
     * A key code: present, at most {@code max} characters, and usable in a URL path segment (no
     * slash, backslash, percent sign, question mark, hash or control character).
     */
    public Violations code(String field, String value, int max) {
        String trimmed = value == null ? null : value.trim();
        requiredText(field, trimmed, max);
        if (trimmed != null && !trimmed.isEmpty() && !trimmed.matches("[^/\\\\%?#\\p{Cntrl}]+")) {
            add(field, "must not contain / \\ % ? # or control characters");
        }
        return this;
    }

    /** A present e-mail address must look like one and fit {@code max} characters. */
    public Violations email(String field, String value, int max) {
        maxLength(field, value, max);
        if (value != null && !value.isEmpty() && !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            add(field, "must be an e-mail address like name@example.com");
        }
        return this;
    }

    /** A present percentage must lie between 0 and 100. */
    public Violations percent(String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            add(field, "must be between 0 and 100 (got " + value.stripTrailingZeros().toPlainString() + ")");
        }
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** @throws ValidationException when any error was collected */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
