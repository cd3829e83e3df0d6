package org.opportune.api;

import java.util.List;

/** The record named by a key does not exist (HTTP 404 when the key is in the path). */
public class NotFoundException extends OpportuneException {
    private static final long serialVersionUID = 1L;

    private final String resource;
    private final String key;

    public NotFoundException(String resource, String key) {
        super(resource + " " + key + " does not exist", List.of());
        this.resource = resource;
        this.key = key;
    }

    /** The kind of record, e.g. {@code salesperson}. */
    public String resource() {
        return resource;
    }

    public String key() {
        return key;
    }
}
