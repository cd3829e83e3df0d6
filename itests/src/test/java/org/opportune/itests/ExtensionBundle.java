package org.opportune.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.ops4j.pax.tinybundles.TinyBundle;
import org.ops4j.pax.tinybundles.TinyBundles;
import org.osgi.framework.Constants;

/**
 * Builds, in the test JVM, a third party's extension bundle from classes of the test sources: the classes with a
 * manifest of their own (TinyBundles, no bnd), started by an activator that registers the extension. Kept apart from
 * the test classes that run inside Karaf, where TinyBundles is not installed.
 */
final class ExtensionBundle {

    private ExtensionBundle() {
    }

    /**
     * @param imports   the Import-Package header: the API packages the classes use, and org.osgi.framework
     * @param activator registers the extension; packed with {@code classes}
     * @return the absolute path of the written bundle
     */
    static Path write(Path jar, String symbolicName, String imports, Class<?> activator, Class<?>... classes) {
        Path target = jar.toAbsolutePath();
        TinyBundle bundle = TinyBundles.bundle().addClass(activator);
        for (Class<?> type : classes) {
            bundle.addClass(type);
        }
        try (InputStream content = bundle
                .setHeader(Constants.BUNDLE_MANIFESTVERSION, "2")
                .setHeader(Constants.BUNDLE_SYMBOLICNAME, symbolicName)
                .setHeader(Constants.BUNDLE_VERSION, "1.0.0")
                .setHeader(Constants.BUNDLE_ACTIVATOR, activator.getName())
                .setHeader(Constants.IMPORT_PACKAGE, imports)
                .build(TinyBundles.rawBuilder())) {
            Files.createDirectories(target.getParent());
            Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the extension bundle " + target, e);
        }
    }
}
