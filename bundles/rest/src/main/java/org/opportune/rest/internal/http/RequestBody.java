package org.opportune.rest.internal.http;

import javax.ws.rs.BadRequestException;

/** A body the endpoint cannot do without: an empty one is a 400, not a null passed on to a service. */
public final class RequestBody {

    private RequestBody() {
    }

    public static <T> T required(T body) {
        if (body == null) {
            throw new BadRequestException("a JSON body is required");
        }
        return body;
    }
}
