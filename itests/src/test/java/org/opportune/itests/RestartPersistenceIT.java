package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.opportune.itests.OpportuneTestSupport.basicAuthorization;
import static org.opportune.itests.OpportuneTestSupport.eventually;
import static org.opportune.itests.OpportuneTestSupport.freePort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.opportune.itests.OpportuneTestSupport.Response;

/**
 * The distribution as an administrator runs it: unpacked, started with bin/karaf, stopped with bin/stop, started
 * again. Data written through the REST API survives the restart (embedded Derby under data/).
 * <p>
 * Also prints the figures of each start: {@code STARTUP_MS} from process start to the first 200 on /api/v1/health,
 * {@code RSS_MB} the resident memory of the Karaf JVM at that moment.
 */
public class RestartPersistenceIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String AUTHORIZATION = basicAuthorization(OpportuneTestSupport.ADMIN, OpportuneTestSupport.ADMIN_PASSWORD);

    private Path home;
    private URI baseUri;
    private Process karaf;

    @Rule
    public final TestWatcher printLogsOnFailure = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description description) {
            printFile(home == null ? null : home.resolve("data/log/karaf.log"));
            printFile(home == null ? null : home.resolve("console.log"));
        }
    };

    @Before
    public void unpackDistribution() throws IOException {
        home = unzip(Path.of(OpportuneTestSupport.requiredProperty("opportune.distribution")),
                Path.of("target", "restart-" + System.currentTimeMillis()));
        int httpPort = freePort();
        setProperty(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(httpPort));
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(freePort()));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(freePort()));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(freePort()));
        baseUri = URI.create("http://localhost:" + httpPort);
    }

    @After
    public void killKaraf() {
        if (karaf != null) {
            destroyTree(karaf.toHandle(), true);
        }
    }

    @Test
    public void salespersonSurvivesRestart() throws Exception {
        start();
        Response created = OpportuneTestSupport.send(baseUri, "POST", "/api/v1/salespeople",
                "{\"code\":\"RESTART1\",\"name\":\"Survives Restarts\"}", AUTHORIZATION);
        assertEquals(created.body(), 201, created.status());

        stop();
        start();

        Response read = OpportuneTestSupport.send(baseUri, "GET", "/api/v1/salespeople/RESTART1", null, AUTHORIZATION);
        assertEquals(read.body(), 200, read.status());
        assertEquals("Survives Restarts", read.json().path("name").asText());
        assertTrue("the database lives under data/", Files.isDirectory(home.resolve("data/derby/opportune")));
    }

    private void start() throws IOException {
        long startedAt = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        karaf = builder.start();

        eventually(START_TIMEOUT, () -> {
            assertTrue("Karaf exited with " + (karaf.isAlive() ? "" : karaf.exitValue()), karaf.isAlive());
            Response health = OpportuneTestSupport.send(baseUri, "GET", "/api/v1/health", null, null);
            assertEquals(health.body(), 200, health.status());
        });
        long startupMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
        System.out.printf("STARTUP_MS=%d RSS_MB=%d%n", startupMs, residentMegabytes(javaProcess()));
    }

    private void stop() throws Exception {
        Process stop = new ProcessBuilder(home.resolve("bin/stop").toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()))
                .start();
        stop.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!karaf.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            destroyTree(karaf.toHandle(), true);
            throw new AssertionError("Karaf did not stop within " + STOP_TIMEOUT.toSeconds() + " s of bin/stop");
        }
        karaf = null;
    }

    /** bin/karaf runs java as its child (it loops to support restarts); the JVM is the one running Karaf's Main. */
    private ProcessHandle javaProcess() {
        return Stream.concat(Stream.of(karaf.toHandle()), karaf.toHandle().descendants())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No Java process below " + karaf.pid()));
    }

    /** VmRSS from /proc/<pid>/status, -1 where there is no /proc. */
    private static long residentMegabytes(ProcessHandle process) {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            Matcher rss = Pattern.compile("^VmRSS:\\s+(\\d+)\\s+kB", Pattern.MULTILINE).matcher(Files.readString(status));
            return rss.find() ? Long.parseLong(rss.group(1)) / 1024 : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static void destroyTree(ProcessHandle root, boolean gracefully) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(p -> {
            if (gracefully) {
                p.destroy();
            } else {
                p.destroyForcibly();
            }
        });
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    /** Unpacks the archive's single top folder into {@code target}; bin/ scripts become executable. */
    private static Path unzip(Path archive, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path file = target.resolve(name.substring(slash + 1)).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("Entry outside the target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(zip, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> scripts = Files.list(target.resolve("bin"))) {
            for (Path script : scripts.filter(Files::isRegularFile).toList()) {
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return target.toAbsolutePath();
    }

    /** Replaces {@code key = ...} in a properties file, or appends it. */
    private static void setProperty(Path file, String key, String value) throws IOException {
        String content = Files.exists(file) ? Files.readString(file) : "";
        Pattern line = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(content);
        String updated = matcher.find()
                ? matcher.replaceAll(Matcher.quoteReplacement(key + " = " + value))
                : content + (content.isEmpty() || content.endsWith("\n") ? "" : "\n") + key + " = " + value + "\n";
        Files.writeString(file, updated);
    }

    private static void printFile(Path file) {
        if (file == null || !Files.exists(file)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            System.err.println("===== " + file + " (last 300 lines)");
            lines.subList(Math.max(0, lines.size() - 300), lines.size()).forEach(System.err::println);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
