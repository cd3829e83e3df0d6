package org.opportune.rest.internal.http;

/** Media types of the API beyond those JAX-RS names. */
public final class MediaTypes {
    /** RFC 7396. */
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    /** RFC 9457. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private MediaTypes() {
    }
}
