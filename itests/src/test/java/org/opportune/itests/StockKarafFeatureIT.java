package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;

/**
 * The features repository works in a stock Apache Karaf, the way an administrator would use it:
 * {@code feature:repo-add mvn:org.opportune/opportune-features/<version>/xml/features}, {@code feature:install opportune}.
 * <p>
 * The artifacts come from the built distribution's system/ folder, a Maven repository of everything the features
 * need, so this works without {@code mvn install}.
 */
public class StockKarafFeatureIT extends OpportuneTestSupport {

    /** Stock Karaf 4.4 ships no active user: this one exists for this test only. */
    private static final String USER = "itest";

    @Override
    protected File distributionArchive() {
        return new File(requiredProperty("karaf.stock.distribution"));
    }

    @Override
    protected Option[] additionalOptions() {
        Path repository = extractSystemRepository(Path.of(requiredProperty("opportune.distribution")),
                Path.of("target", "opportune-system-repository"));
        return new Option[] {
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                    "${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots,"
                            + "${karaf.data.uri}kar@id=kar.repository@multi@snapshots,"
                            + repository.toUri() + "@id=opportune.distribution@snapshots"),
            editConfigurationFilePut("etc/users.properties", USER, USER + ",admin,opportune-admin"),
        };
    }

    /** Before the common wait for /api/v1/health: install the features as an administrator would. */
    @Before
    @Override
    public void awaitRestApi() {
        if (bundle("org.opportune.rest").isEmpty()) {
            String version = requiredProperty(VERSION_PROPERTY);
            executeCommand("feature:repo-add mvn:org.opportune/opportune-features/" + version + "/xml/features");
            executeCommand("feature:install opportune");
        }
        awaitHealthUp();
    }

    @Test
    public void opportuneInstallsIntoStockKaraf() throws Exception {
        assertTrue(featuresService.isInstalled(featuresService.getFeature("opportune")));
        for (String name : BundlesActiveIT.EXPECTED_BUNDLES) {
            Bundle bundle = requiredBundle(name);
            assertEquals(name, "ACTIVE", stateName(bundle));
        }
        Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.opportune"))
                .forEach(b -> assertEquals(b.getSymbolicName(), "ACTIVE", stateName(b)));

        Response health = httpWithoutCredentials("GET", "/api/v1/health", null);
        assertEquals(health.body(), 200, health.status());
        assertEquals("UP", health.json().path("status").asText());

        Response salespeople = send(baseUri(), "GET", "/api/v1/salespeople", null, basicAuthorization(USER, USER));
        assertEquals(salespeople.body(), 200, salespeople.status());
    }

    /** Unpacks only {@code <top>/system/**} of the distribution archive into a fresh {@code target} folder. */
    private static Path extractSystemRepository(Path archive, Path target) {
        try {
            deleteRecursively(target);
            Files.createDirectories(target);
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    String name = entry.getName();
                    int system = name.indexOf("/system/");
                    if (system < 0 || entry.isDirectory()) {
                        continue;
                    }
                    Path file = target.resolve(name.substring(system + "/system/".length())).normalize();
                    if (!file.startsWith(target)) {
                        throw new IOException("Entry outside the target folder: " + name);
                    }
                    Files.createDirectories(file.getParent());
                    Files.copy(zip, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract system/ of " + archive, e);
        }
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
