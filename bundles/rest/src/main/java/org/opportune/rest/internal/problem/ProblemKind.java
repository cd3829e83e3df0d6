package org.opportune.rest.internal.problem;

import java.util.Locale;

import javax.ws.rs.core.Response;

/**
 * The kind of a problem: its HTTP status, the last segment of its type URI and its title.
 *
 * @param slug e.g. {@code not-found}
 */
public record ProblemKind(int status, String slug, String title) {
    public static final ProblemKind VALIDATION = new ProblemKind(400, "validation", "Invalid request");
    public static final ProblemKind UNAUTHORIZED = new ProblemKind(401, "unauthorized", "Unauthorized");
    public static final ProblemKind FORBIDDEN = new ProblemKind(403, "forbidden", "Forbidden");
    public static final ProblemKind NOT_FOUND = new ProblemKind(404, "not-found", "Not found");
    public static final ProblemKind METHOD_NOT_ALLOWED = new ProblemKind(405, "method-not-allowed",
            "Method not allowed");
    public static final ProblemKind NOT_ACCEPTABLE = new ProblemKind(406, "not-acceptable", "Not acceptable");
    public static final ProblemKind CONFLICT = new ProblemKind(409, "conflict", "Conflict");
    public static final ProblemKind PRECONDITION_FAILED = new ProblemKind(412, "precondition-failed",
            "Precondition failed");
    public static final ProblemKind PAYLOAD_TOO_LARGE = new ProblemKind(413, "payload-too-large",
            "Payload too large");
    public static final ProblemKind UNSUPPORTED_MEDIA_TYPE = new ProblemKind(415, "unsupported-media-type",
            "Unsupported media type");
    public static final ProblemKind INTERNAL_ERROR = new ProblemKind(500, "internal-error", "Internal server error");
    public static final ProblemKind UNAVAILABLE = new ProblemKind(503, "unavailable", "Service unavailable");

    private static final ProblemKind[] KNOWN = { VALIDATION, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED,
            NOT_ACCEPTABLE, CONFLICT, PRECONDITION_FAILED, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, INTERNAL_ERROR,
            UNAVAILABLE };

    /** The kind of any HTTP error status; statuses without a kind of their own get one from the reason phrase. */
    public static ProblemKind ofStatus(int status) {
        for (ProblemKind kind : KNOWN) {
            if (kind.status == status) {
                return kind;
            }
        }
        Response.StatusType known = Response.Status.fromStatusCode(status);
        if (known == null) {
            return status >= 500 ? new ProblemKind(status, "server-error", "Server error")
                    : new ProblemKind(status, "client-error", "Client error");
        }
        String phrase = known.getReasonPhrase();
        return new ProblemKind(status, phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), phrase);
    }
}
