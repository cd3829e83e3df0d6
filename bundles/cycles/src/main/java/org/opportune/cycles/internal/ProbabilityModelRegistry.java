package org.opportune.cycles.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.opportune.api.probability.ProbabilityModel;
import org.opportune.api.probability.ProbabilityModelInfo;
import org.opportune.api.whiteboard.RankedRegistry;
import org.opportune.api.whiteboard.RankedRegistry.Registration;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.LoggerFactory;

/**
 * The probability models registered right now: a {@link RankedRegistry} (which decides which one a
 * name uses, and refuses a model whose {@value ProbabilityModel#NAME_PROPERTY} property is missing
 * or differs from its {@code name()}), plus what the cycles module says about them.
 */
final class ProbabilityModelRegistry {
    private final RankedRegistry<ProbabilityModel> models;

    ProbabilityModelRegistry() {
        this(LoggerFactory.getLogger(ProbabilityModelRegistry.class)::warn);
    }

    /** @param refusals told once about each refused model */
    ProbabilityModelRegistry(Consumer<String> refusals) {
        models = new RankedRegistry<>("probability model", ProbabilityModel.NAME_PROPERTY, "name()",
                ProbabilityModel::name, refusals);
    }

    void add(ProbabilityModel model, Map<String, ?> properties) {
        Bundle bundle = FrameworkUtil.getBundle(model.getClass());
        models.add(model, properties, bundle == null ? null : bundle.getSymbolicName());
    }

    /** Takes changed properties, e.g. a new ranking, keeping the registration's place. */
    void update(ProbabilityModel model, Map<String, ?> properties) {
        models.update(model, properties);
    }

    void remove(ProbabilityModel model) {
        models.remove(model);
    }

    /** @return the model used for this name right now */
    Optional<ProbabilityModel> find(String name) {
        return models.find(name);
    }

    /** @return the name as the model in use spells it, e.g. {@code MULTIPLY} for {@code multiply} */
    Optional<String> installedName(String name) {
        return models.findRegistration(name).map(Registration::name);
    }

    /** @return the names in use, sorted, e.g. {@code ADD, MULTIPLY}; {@code none} when there are none */
    String installedNames() {
        List<Registration<ProbabilityModel>> inUse = models.inUse();
        return inUse.isEmpty() ? "none" : inUse.stream().map(Registration::name).collect(Collectors.joining(", "));
    }

    /** @return every registration by name, the one in use first for each name, refused ones with why */
    List<ProbabilityModelInfo> installed() {
        return models.registrations().stream().map(registration -> new ProbabilityModelInfo(registration.name(),
                description(registration.service()), registration.bundle(), registration.ranking(),
                registration.active(), registration.problem())).toList();
    }

    /** A third-party model's description must not break the listing. */
    private static String description(ProbabilityModel model) {
        try {
            return model.description();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
