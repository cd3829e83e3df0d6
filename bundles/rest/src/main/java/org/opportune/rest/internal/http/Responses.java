package org.opportune.rest.internal.http;

import java.net.URI;

import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.Response;

/** The success responses of the API's conventions: ETag on every single record, 201 with Location. */
public final class Responses {

    private Responses() {
    }

    /** 200 with the record and its version as ETag. */
    public static Response ok(Object entity, Long version) {
        return withETag(Response.ok(entity), version).build();
    }

    /** 201 with the Location of the new record, the record and its version as ETag. */
    public static Response created(URI location, Object entity, Long version) {
        return withETag(Response.created(location).entity(entity), version).build();
    }

    public static Response noContent() {
        return Response.noContent().build();
    }

    /** The strong ETag of a row version: {@code "3"}. */
    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    private static Response.ResponseBuilder withETag(Response.ResponseBuilder builder, Long version) {
        return version == null ? builder : builder.tag(etag(version));
    }
}
