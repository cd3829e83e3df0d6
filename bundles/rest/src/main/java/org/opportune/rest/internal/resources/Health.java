package org.opportune.rest.internal.resources;

import java.util.Map;

/**
 * What {@code /health} answers.
 *
 * @param status  {@code UP} when every module is
 * @param modules module name → {@code UP} or {@code DOWN}
 */
public record Health(String status, Map<String, String> modules) {
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    public boolean up() {
        return UP.equals(status);
    }
}
