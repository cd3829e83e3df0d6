package org.opportune.rest.internal.http;

import java.io.IOException;

import javax.annotation.Priority;
import javax.ws.rs.BadRequestException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;

/**
 * Refuses request bodies over the limit with 413: at once when Content-Length says so, otherwise
 * (chunked bodies) as soon as the reader has read one byte too many.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 500) // after authentication: strangers learn nothing but 401
public final class BodySizeLimit implements ContainerRequestFilter {
    /** 1 MiB. */
    public static final long MAX_BYTES = 1_048_576L;

    private final long limit;

    public BodySizeLimit(long limit) {
        this.limit = limit;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw new BadRequestException("the Content-Length header is not a number");
            }
            if (declared > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }
        request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
    }
}
