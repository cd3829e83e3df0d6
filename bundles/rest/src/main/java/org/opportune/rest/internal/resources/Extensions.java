package org.opportune.rest.internal.resources;

import java.util.List;

import org.opportune.api.probability.ProbabilityModelInfo;
import org.opportune.rest.internal.whiteboard.RegisteredResource;

/**
 * What {@code /extensions} answers: what is plugged in right now.
 *
 * @param transitionRules empty until a module offers transition rules
 * @param reports         empty until a module offers reports
 * @param resources       the JAX-RS resources the API serves now
 */
public record Extensions(List<ProbabilityModelEntry> probabilityModels, List<Object> transitionRules,
        List<Object> reports, List<RegisteredResource> resources) {

    public Extensions {
        probabilityModels = List.copyOf(probabilityModels);
        transitionRules = List.copyOf(transitionRules);
        reports = List.copyOf(reports);
        resources = List.copyOf(resources);
    }

    /**
     * One registered probability model, in the field order of API.md.
     *
     * @param bundle the symbolic name of the bundle that brings it, null when unknown
     * @param active false when another registration of the same name outranks this one
     */
    public record ProbabilityModelEntry(String name, String bundle, int ranking, String description,
            boolean active) {

        static ProbabilityModelEntry of(ProbabilityModelInfo info) {
            return new ProbabilityModelEntry(info.name(), info.bundle(), info.ranking(), info.description(),
                    info.active());
        }
    }
}
