package org.opportune.rest.internal.resources;

import java.util.Map;

/**
 * What {@code /health} answers.
 *
 * @param status  {@code UP} when every entry of {@code modules} is
 * @param modules {@code database}, {@code api} (down while the node starts) and each installed module →
 *                {@code UP} or {@code DOWN}
 */
public record Health(String status, Map<String, String> modules) {
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    public boolean up() {
        return UP.equals(status);
    }
}
