package org.opportune.rest.internal.http;

import java.util.List;

import org.opportune.api.PageRequest;

/** The paging and sorting parameters of every list: {@code offset}, {@code limit}, {@code sort=a,-b}. */
public final class Paging {
    public static final List<String> PARAMETERS = List.of("offset", "limit", "sort");

    private Paging() {
    }

    /**
     * @throws org.opportune.api.ValidationException offset or limit is not a number or out of range;
     *         the sort fields are checked by the service that knows them
     */
    public static PageRequest from(QueryParameters parameters) {
        return PageRequest.of(parameters.integer("offset", 0),
                parameters.integer("limit", PageRequest.DEFAULT_LIMIT), parameters.text("sort"));
    }
}
