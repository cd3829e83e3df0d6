package org.opportune.rest.internal.problem;

import java.nio.charset.StandardCharsets;

import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.opportune.rest.internal.http.MediaTypes;

/**
 * Writes problem documents to bytes, so that an error response never depends on which entity
 * writer Jersey would pick for the client's Accept header.
 */
final class ProblemDocuments {
    static final MediaType PROBLEM_JSON = MediaType.valueOf(MediaTypes.PROBLEM_JSON);

    private final ObjectMapper mapper;

    ProblemDocuments(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    byte[] bytes(Problem problem) {
        try {
            return mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            // cannot happen for a record of strings; keep the status and say as little as is safe
            return ("{\"type\":\"" + problem.type() + "\",\"title\":\"" + problem.title() + "\",\"status\":"
                    + problem.status() + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    static String instance(java.net.URI requestUri) {
        return requestUri == null ? null : requestUri.getRawPath();
    }
}
