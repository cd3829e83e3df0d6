package org.opportune.shell.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.opportune.api.ValidationException;

/**
 * Reads option values the shell passes as text. Karaf treats a Boolean option as a flag and
 * converts enums case-sensitively, so {@code --blocked false} and {@code person} are read here,
 * refusing anything else as the REST API does.
 */
public final class OptionValues {

    private OptionValues() {
    }

    /** @return null when the option was not given */
    public static Boolean trueOrFalse(String field, String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ValidationException(field, "must be true or false (got '" + value + "')");
        };
    }

    /** @return the constant named by the value in any case, or null when the option was not given */
    public static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw new ValidationException(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")) + " (got '" + value + "')");
    }
}
