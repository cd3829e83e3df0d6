package org.opportune.rest.internal.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import org.opportune.api.FieldError;
import org.opportune.rest.internal.json.JsonClientMessage;
import org.opportune.rest.internal.json.JsonFieldPath;

/**
 * Says what is wrong with a JSON body in the client's terms: which field (by its path, e.g.
 * {@code address.city}) and what was expected, without Jackson's Java class names.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    /** The 400 for a body that is not JSON, or JSON that does not bind. */
    static Problem of(JsonProcessingException e, String instance) {
        if (!(e instanceof JsonMappingException mapping)) {
            return Problem.of(ProblemKind.VALIDATION, "malformed JSON: " + e.getOriginalMessage() + where(e),
                    instance, List.of());
        }
        String field = JsonFieldPath.of(mapping.getPath());
        String message = message(mapping);
        if (field.isEmpty()) {
            return Problem.of(ProblemKind.VALIDATION, "the body " + message, instance, List.of());
        }
        return Problem.of(ProblemKind.VALIDATION, field + " " + message, instance,
                List.of(new FieldError(field, message)));
    }

    private static String message(JsonMappingException e) {
        if (e instanceof JsonClientMessage) {
            return e.getOriginalMessage();
        }
        if (e instanceof PropertyBindingException unknown) { // unknown or ignored field
            Collection<Object> known = unknown.getKnownPropertyIds();
            return known == null || known.isEmpty() ? "is not a known field"
                    : "is not a known field; known fields: "
                            + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException invalid) {
            return "must be " + expected(invalid.getTargetType()) + " (got " + shown(invalid.getValue()) + ")";
        }
        if (e instanceof MismatchedInputException mismatched) {
            Class<?> target = mismatched.getTargetType();
            if (target != null && target.isPrimitive() && currentToken(e) == JsonToken.VALUE_NULL) {
                return "must not be null; it must be " + expected(target);
            }
            return target == null ? "does not have the expected shape" : "must be " + expected(target);
        }
        if (e.getCause() instanceof InputCoercionException outOfRange) { // e.g. 10^30 for a long
            return "is out of range for " + expected(outOfRange.getTargetType());
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause();
            return "is not valid" + (cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : "");
        }
        return "is not valid: " + e.getOriginalMessage();
    }

    /** What a value of the type looks like in JSON, for a client. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "a date like 2024-01-31";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 timestamp like 2024-01-31T12:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object" : "a value";
    }

    private static String shown(Object value) {
        return value instanceof String text ? "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\""
                : String.valueOf(value);
    }

    private static JsonToken currentToken(JsonProcessingException e) {
        return e.getProcessor() instanceof JsonParser parser ? parser.currentToken() : null;
    }

    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
