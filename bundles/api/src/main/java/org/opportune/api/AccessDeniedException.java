package org.opportune.api;

import java.util.List;

/**
 * The caller's roles do not allow what it asked (HTTP 403), e.g. a salesperson giving an opportunity to another
 * salesperson. A record the caller may not even see is a {@link NotFoundException} instead.
 */
public class AccessDeniedException extends OpportuneException {
    private static final long serialVersionUID = 1L;

    private final List<String> requiredRoles;

    /**
     * @param message       what was refused, for the person who asked
     * @param requiredRoles the roles that would allow it, e.g. {@code sales-manager}
     */
    public AccessDeniedException(String message, List<String> requiredRoles) {
        this(message, requiredRoles, List.of());
    }

    /** @param errors the fields whose values the caller may not set */
    public AccessDeniedException(String message, List<String> requiredRoles, List<FieldError> errors) {
        super(message, errors);
        this.requiredRoles = List.copyOf(requiredRoles);
    }

    public List<String> requiredRoles() {
        return requiredRoles;
    }
}
