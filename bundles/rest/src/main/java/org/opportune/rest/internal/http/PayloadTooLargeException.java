package org.opportune.rest.internal.http;

import java.io.IOException;

/**
 * The request body is over the limit (HTTP 413). An {@link IOException} so that it passes through
 * Jackson unwrapped when the limit is hit while a body is being parsed.
 */
public class PayloadTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
