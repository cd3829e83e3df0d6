package org.opportune.rest.internal.json;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Turns Jackson's reference path into the field names clients see: {@code address.city}, {@code stages[0].stage}. */
public final class JsonFieldPath {

    private JsonFieldPath() {
    }

    /** @return the path, or an empty string for the document itself */
    public static String of(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
