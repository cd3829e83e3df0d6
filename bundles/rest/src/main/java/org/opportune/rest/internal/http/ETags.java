package org.opportune.rest.internal.http;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;

import org.opportune.rest.internal.dto.Versioned;

/**
 * Every successful answer with one record carries the record's row version as its ETag (docs/API.md:
 * "every single-resource response has an ETag"), whichever resource built it: a resource answers the
 * record's JSON and this filter names its version, unless the resource set an ETag itself.
 */
public final class ETags implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 300 && response.getEntity() instanceof Versioned record
                && record.version() != null && !response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, Responses.etag(record.version()));
        }
    }
}
