package org.opportune.itests;

import java.nio.file.Path;

import org.opportune.itests.halfmodel.HalfModelActivator;
import org.opportune.itests.halfmodel.HalfProbabilityModel;

/** The third-party bundle that brings the {@code HALF} probability model (see {@link ExtensionBundle}). */
final class HalfModelBundle {
    static final String SYMBOLIC_NAME = "org.opportune.itests.halfmodel";

    private HalfModelBundle() {
    }

    /** Writes the bundle to {@code jar} and returns its absolute path. */
    static Path writeTo(Path jar) {
        return ExtensionBundle.write(jar, SYMBOLIC_NAME, "org.opportune.api.probability;version=\"[2.0,3)\","
                + "org.osgi.framework;version=\"[1.8,2)\"", HalfModelActivator.class, HalfProbabilityModel.class);
    }
}
