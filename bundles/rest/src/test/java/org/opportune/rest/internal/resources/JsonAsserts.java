package org.opportune.rest.internal.resources;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading answers in the tests: the fields a problem names, the names of an object's members in order. */
final class JsonAsserts {

    private JsonAsserts() {
    }

    /** @return the field of the problem's error at {@code index} */
    static String field(JsonNode problem, int index) {
        return problem.get("errors").get(index).get("field").asText();
    }

    /** @return the message of the problem's error at {@code index} */
    static String message(JsonNode problem, int index) {
        return problem.get("errors").get(index).get("message").asText();
    }

    /** @return every field the problem names, in order */
    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    /** @return the member names of an object, in the order written */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
