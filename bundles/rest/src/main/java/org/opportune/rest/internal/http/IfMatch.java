package org.opportune.rest.internal.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opportune.api.StaleVersionException;
import org.opportune.api.ValidationException;

/**
 * The {@code If-Match} header of a change: absent, {@code *} (any current version), or one ETag
 * ({@code "3"} or {@code W/"3"}) naming the row version the client read.
 *
 * @param version the version asked for, null when absent or {@code *}
 */
public record IfMatch(boolean present, Long version) {
    public static final String HEADER = "If-Match";
    public static final IfMatch ABSENT = new IfMatch(false, null);
    public static final IfMatch ANY = new IfMatch(true, null);

    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    /** @throws ValidationException the header is not {@code *} or one ETag of ours */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            return ABSENT;
        }
        String value = header.trim();
        if (value.equals("*")) {
            return ANY;
        }
        Matcher matcher = ETAG.matcher(value);
        if (!matcher.matches()) {
            throw new ValidationException(HEADER, "must be * or one ETag as sent by the server, e.g. \"3\" (got "
                    + value + ")");
        }
        return new IfMatch(true, Long.valueOf(matcher.group(1)));
    }

    /** The version to pass to a service as expectedVersion: the one asked for, else null (no check). */
    public Long expectedVersion() {
        return version;
    }

    /**
     * The version to pass to a service: the one asked for, else the given one (the version the body names, or
     * the version just read), so that a change made meanwhile is a 412 too.
     */
    public Long expectedVersionOr(Long otherwise) {
        return version != null ? version : otherwise;
    }

    /**
     * Checks the version asked for against the record as just read, before anything else is checked.
     *
     * @param resource the kind of record, e.g. {@code salesperson}, and {@code key} its key, for the message
     * @throws StaleVersionException the header names another version than the record has now
     */
    public void requireCurrent(long current, String resource, String key) {
        if (version != null && version != current) {
            throw new StaleVersionException(resource, key, current);
        }
    }
}
