package org.opportune.api;

import java.util.List;

/**
 * A valid request the domain refuses in the current state (HTTP 409): a duplicate key, a record
 * still in use, a move that is not possible now.
 */
public class ConflictException extends OpportuneException {
    private static final long serialVersionUID = 1L;

    private final List<String> rules;

    public ConflictException(String message) {
        this(message, List.of(), List.of());
    }

    public ConflictException(String message, List<FieldError> errors) {
        this(message, errors, List.of());
    }

    /**
     * @param rules names of the rules that refused, e.g. {@code quote-required}; empty when the
     *              refusal is not one of the named, pluggable rules
     */
    public ConflictException(String message, List<FieldError> errors, List<String> rules) {
        super(message, errors);
        this.rules = List.copyOf(rules);
    }

    public List<String> rules() {
        return rules;
    }
}
