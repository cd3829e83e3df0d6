package org.opportune.api.probability;

/**
 * A probability model installed right now, as listed for administrators.
 *
 * @param name        the name a sales cycle uses to name the model
 * @param description what the model computes
 * @param bundle      the symbolic name of the bundle that brings the model's class, null when unknown
 * @param ranking     its {@code service.ranking} (0 when not set)
 * @param active      true for the registration used for its name; false for one that another
 *                    registration of the same name outranks
 */
public record ProbabilityModelInfo(String name, String description, String bundle, int ranking, boolean active) {
}
