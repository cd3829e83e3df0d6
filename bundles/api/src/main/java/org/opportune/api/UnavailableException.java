package org.opportune.api;

import java.util.List;

/**
 * A module or plug-in the request needs is not installed or not running right now (HTTP 503).
 * Retrying later may succeed; nothing was written.
 */
public class UnavailableException extends OpportuneException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String message) {
        super(message, List.of());
    }
}
