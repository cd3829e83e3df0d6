package org.opportune.api;

import java.util.List;

/** The record changed since the client read it (HTTP 412); nothing was written. */
public class StaleVersionException extends OpportuneException {
    private static final long serialVersionUID = 1L;

    public StaleVersionException(String resource, String key, long currentVersion) {
        super(resource + " " + key + " was changed by someone else (now at version " + currentVersion
                + "); read it again and retry", List.of());
    }

    public StaleVersionException(String message) {
        super(message, List.of());
    }
}
