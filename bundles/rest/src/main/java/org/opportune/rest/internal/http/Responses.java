package org.opportune.rest.internal.http;

import java.net.URI;

import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.Response;

/** The success responses of the API's conventions that a resource builds itself: 201 with Location, 204. */
public final class Responses {

    private Responses() {
    }

    /** 201 with the Location of the new record and the record ({@link ETags} adds its version). */
    public static Response created(URI location, Object entity) {
        return Response.created(location).entity(entity).build();
    }

    public static Response noContent() {
        return Response.noContent().build();
    }

    /** The strong ETag of a row version: {@code "3"}. */
    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
