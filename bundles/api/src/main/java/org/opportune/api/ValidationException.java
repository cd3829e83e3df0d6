package org.opportune.api;

import java.util.List;

/** Input that is invalid in itself or names something unknown (HTTP 400). */
public class ValidationException extends OpportuneException {
    private static final long serialVersionUID = 1L;

    public ValidationException(List<FieldError> errors) {
        super(summary(errors), errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    private static String summary(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation error needs at least one field error");
        }
        FieldError first = errors.get(0);
        String text = first.field() + " " + first.message();
        return errors.size() == 1 ? text : text + " (and " + (errors.size() - 1) + " more)";
    }
}
