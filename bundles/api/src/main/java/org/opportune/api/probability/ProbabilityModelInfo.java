package org.opportune.api.probability;

/**
 * A probability model installed right now, as listed for administrators.
 *
 * @param name        the name a sales cycle uses to name the model: its {@value ProbabilityModel#NAME_PROPERTY}
 * @param description what the model computes
 * @param bundle      the symbolic name of the bundle that brings the model's class, null when unknown
 * @param ranking     its {@code service.ranking} (0 when not set)
 * @param active      true for the registration used for its name; false for one that another
 *                    registration of the same name outranks, or that is refused
 * @param problem     why the registration is refused (no {@value ProbabilityModel#NAME_PROPERTY}
 *                    property, or one that differs from {@code name()}), null when it is not
 */
public record ProbabilityModelInfo(String name, String description, String bundle, int ranking, boolean active,
        String problem) {

    /** A registration that is not refused. */
    public ProbabilityModelInfo(String name, String description, String bundle, int ranking, boolean active) {
        this(name, description, bundle, ranking, active, null);
    }
}
