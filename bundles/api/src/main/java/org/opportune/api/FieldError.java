package org.opportune.api;

/**
 * One field at fault and the rule it breaks.
 *
 * @param field the field's path as a client sent it, e.g. {@code address.city} or {@code stages[0].stage}
 * @param message what is wrong, e.g. "must be at most 50 characters"
 */
public record FieldError(String field, String message) {
}
