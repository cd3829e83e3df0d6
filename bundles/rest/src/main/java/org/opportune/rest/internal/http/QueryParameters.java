package org.opportune.rest.internal.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.UriInfo;

import org.opportune.api.FieldError;
import org.opportune.api.ValidationException;

/**
 * The query parameters of one request, checked against the names the endpoint knows: an unknown
 * or repeated parameter is a 400 naming it, never silently ignored (a typo in a filter would
 * otherwise return the unfiltered list).
 */
public final class QueryParameters {
    private final MultivaluedMap<String, String> values;

    private QueryParameters(MultivaluedMap<String, String> values, Collection<String> known) {
        this.values = values;
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : values.entrySet()) {
            String name = parameter.getKey();
            if (!known.contains(name)) {
                errors.add(new FieldError(name, known.isEmpty() ? "is not a known parameter; this endpoint takes none"
                        : "is not a known parameter; known: " + String.join(", ", known)));
            } else if (parameter.getValue().size() > 1) {
                errors.add(new FieldError(name, "is given more than once"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The parameters of a list: paging and sorting plus the given filters. */
    public static QueryParameters forList(UriInfo uri, String... filters) {
        return forList(uri.getQueryParameters(), filters);
    }

    public static QueryParameters forList(MultivaluedMap<String, String> parameters, String... filters) {
        Set<String> known = new LinkedHashSet<>(Arrays.asList(filters));
        known.addAll(Paging.PARAMETERS);
        return new QueryParameters(parameters, known);
    }

    /** The parameters of an endpoint that takes exactly the given ones (possibly none). */
    public static QueryParameters only(UriInfo uri, String... names) {
        return only(uri.getQueryParameters(), names);
    }

    public static QueryParameters only(MultivaluedMap<String, String> parameters, String... names) {
        return new QueryParameters(parameters, new LinkedHashSet<>(Arrays.asList(names)));
    }

    /** @return the value, or null when absent or blank */
    public String text(String name) {
        String value = values.getFirst(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** @return the value, or null when absent or blank */
    public Boolean bool(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ValidationException(name, "must be true or false (got '" + value + "')");
        };
    }

    /** @return the constant named by the value (case-insensitive), or null when absent or blank */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        String wanted = value.toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        throw new ValidationException(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")) + " (got '" + value + "')");
    }

    /** @return the value, or {@code otherwise} when absent or blank */
    public int integer(String name, int otherwise) {
        Integer value = integer(name);
        return value == null ? otherwise : value;
    }

    /** @return the value, or null when absent or blank */
    public Integer integer(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "must be a whole number (got '" + value + "')");
        }
    }

    /** @return the date ({@code YYYY-MM-DD}), or null when absent or blank */
    public LocalDate date(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "must be a date like 2024-01-31 (got '" + value + "')");
        }
    }

    /**
     * @return the instant, given as an ISO-8601 timestamp with its offset ({@code 2024-01-31T12:00:00Z},
     *         {@code 2024-01-31T13:00:00+01:00}) or as a date, which means its start in UTC; null when absent or
     *         blank
     */
    public Instant instant(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return value.length() <= 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "must be an ISO-8601 timestamp like 2024-01-31T12:00:00Z or a date "
                    + "like 2024-01-31 (got '" + value + "')");
        }
    }
}
