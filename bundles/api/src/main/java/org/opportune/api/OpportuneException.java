package org.opportune.api;

import java.util.List;

/**
 * Base of every refusal the domain gives. Front doors map the subclasses to statuses; the message
 * is written for the person who made the request.
 */
public abstract class OpportuneException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    protected OpportuneException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /** The fields at fault, possibly none. */
    public List<FieldError> errors() {
        return errors;
    }
}
