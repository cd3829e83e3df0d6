package org.opportune.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.opportune.itests.halfmodel.HalfModelActivator;
import org.opportune.itests.halfmodel.HalfProbabilityModel;
import org.ops4j.pax.tinybundles.TinyBundles;
import org.osgi.framework.Constants;

/**
 * Builds, in the test JVM, the third-party bundle that brings the {@code HALF} probability model: the classes of
 * {@code org.opportune.itests.halfmodel} with a manifest of their own (TinyBundles, no bnd). Kept apart from the test
 * classes that run inside Karaf, where TinyBundles is not installed.
 */
final class HalfModelBundle {
    static final String SYMBOLIC_NAME = "org.opportune.itests.halfmodel";

    private HalfModelBundle() {
    }

    /** Writes the bundle to {@code jar} and returns its absolute path. */
    static Path writeTo(Path jar) {
        Path target = jar.toAbsolutePath();
        try (InputStream bundle = TinyBundles.bundle()
                .addClass(HalfProbabilityModel.class)
                .addClass(HalfModelActivator.class)
                .setHeader(Constants.BUNDLE_MANIFESTVERSION, "2")
                .setHeader(Constants.BUNDLE_SYMBOLICNAME, SYMBOLIC_NAME)
                .setHeader(Constants.BUNDLE_VERSION, "1.0.0")
                .setHeader(Constants.BUNDLE_ACTIVATOR, HalfModelActivator.class.getName())
                .setHeader(Constants.IMPORT_PACKAGE, "org.opportune.api.probability;version=\"[1.0,2)\","
                        + "org.osgi.framework;version=\"[1.8,2)\"")
                .build(TinyBundles.rawBuilder())) {
            Files.createDirectories(target.getParent());
            Files.copy(bundle, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the probability model bundle " + target, e);
        }
    }
}
