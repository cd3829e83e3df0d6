package org.opportune.api.rule;

/**
 * A transition rule registered right now, as listed for administrators.
 *
 * @param name        its {@value TransitionRule#NAME_PROPERTY}
 * @param description its {@value TransitionRule#DESCRIPTION_PROPERTY}, null when not set
 * @param bundle      the symbolic name of the bundle that brings the rule's class, null when unknown
 * @param ranking     its {@code service.ranking} (0 when not set)
 * @param active      true for the registration evaluated for its name; false for one that another
 *                    registration of the same name outranks, or that is refused
 * @param problem     why the registration is refused (no {@value TransitionRule#NAME_PROPERTY}
 *                    property), null when it is not
 */
public record TransitionRuleInfo(String name, String description, String bundle, int ranking, boolean active,
        String problem) {

    /** A registration that is not refused. */
    public TransitionRuleInfo(String name, String description, String bundle, int ranking, boolean active) {
        this(name, description, bundle, ranking, active, null);
    }
}
