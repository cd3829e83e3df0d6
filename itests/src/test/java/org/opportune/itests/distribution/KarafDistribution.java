package org.opportune.itests.distribution;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.opportune.itests.FreePorts;

/**
 * The built distribution as an administrator runs it: unpacked into a folder, given free ports (HTTP, SSH, both RMI
 * ports), started with {@code bin/karaf server} as a separate process, healthy once {@code /api/v1/health} answers
 * 200, stopped with {@code bin/stop}. Console output goes to {@code console.log} in the Karaf home.
 * <p>
 * Plain Java on purpose (no JUnit, no Pax Exam): tests and the benchmark's main program share it.
 */
public final class KarafDistribution implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final Path home;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private Process karaf;

    private KarafDistribution(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /** Unpacks {@code archive} into {@code folder} (which must not hold another distribution) with free ports. */
    public static KarafDistribution unpack(Path archive, Path folder) throws IOException {
        Path home = unzip(archive, folder);
        int httpPort = FreePorts.next();
        setProperty(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(httpPort));
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(FreePorts.next()));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(FreePorts.next()));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(FreePorts.next()));
        return new KarafDistribution(home, httpPort);
    }

    public Path home() {
        return home;
    }

    /** {@code http://localhost:<port>}, without a path. */
    public URI baseUri() {
        return URI.create("http://localhost:" + httpPort);
    }

    /** Where Karaf keeps the embedded Derby database the shipped DataSource configuration names. */
    public Path derbyDatabase() {
        return home.resolve("data/derby/opportune");
    }

    public boolean running() {
        return karaf != null && karaf.isAlive();
    }

    /**
     * Starts {@code bin/karaf server} with the JVM running this code as JAVA_HOME and waits until the health
     * resource answers 200.
     *
     * @return the milliseconds from the process start to the first healthy answer
     */
    public long start(Duration timeout) throws IOException, InterruptedException {
        return start(timeout, Map.of());
    }

    /**
     * Like {@link #start(Duration)} with more environment for bin/karaf, e.g. {@code EXTRA_JAVA_OPTS} or
     * {@code JAVA_MAX_MEM}.
     */
    public long start(Duration timeout, Map<String, String> environment) throws IOException, InterruptedException {
        if (running()) {
            throw new IllegalStateException("Karaf is running already in " + home);
        }
        long startedAt = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        karaf = builder.start();

        long deadline = startedAt + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!karaf.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + karaf.exitValue() + " while starting; see "
                        + home.resolve("console.log"));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(baseUri().resolve("/api/v1/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
                }
                last = health.statusCode() + " " + health.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new IllegalStateException("Karaf not healthy within " + timeout.toSeconds() + " s; last answer: " + last);
    }

    /** Runs {@code bin/stop} and waits for the process to end; kills it when it does not end in time. */
    public void stop(Duration timeout) throws IOException, InterruptedException {
        if (karaf == null) {
            return;
        }
        Process stop = new ProcessBuilder(home.resolve("bin/stop").toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()))
                .start();
        stop.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        // bin/karaf waits for its java child: once it ends, the JVM (and its database lock) is gone
        boolean ended = karaf.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        Process stopped = karaf;
        karaf = null;
        if (!ended) {
            destroyTree(stopped.toHandle());
            throw new IllegalStateException("Karaf did not stop within " + timeout.toSeconds() + " s of bin/stop");
        }
    }

    /** bin/karaf runs java as its child (it loops to support restarts); the JVM is the one below it. */
    public ProcessHandle javaProcess() {
        if (karaf == null) {
            throw new IllegalStateException("Karaf is not running");
        }
        return Stream.concat(Stream.of(karaf.toHandle()), karaf.toHandle().descendants())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No Java process below " + karaf.pid()));
    }

    /** VmRSS from /proc/<pid>/status in MiB, -1 where there is no /proc. */
    public static long residentMegabytes(ProcessHandle process) {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            Matcher rss = Pattern.compile("^VmRSS:\\s+(\\d+)\\s+kB", Pattern.MULTILINE).matcher(Files.readString(status));
            return rss.find() ? Long.parseLong(rss.group(1)) / 1024 : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The lines of karaf.log that pax-logging wrote at level ERROR. */
    public List<String> errorLogLines() throws IOException {
        try (Stream<String> lines = Files.lines(karafLog(), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("| ERROR |")).toList();
        }
    }

    /** The first lines of stack traces in karaf.log ({@code \tat …}): a clean boot has none. */
    public List<String> stackTraceLines() throws IOException {
        try (Stream<String> lines = Files.lines(karafLog(), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith("\tat ")).limit(5).toList();
        }
    }

    /** The lines of karaf.log that contain {@code text}. */
    public List<String> logLinesWith(String text) throws IOException {
        try (Stream<String> lines = Files.lines(karafLog(), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).toList();
        }
    }

    /** Prints the end of karaf.log and console.log, for a failure's diagnosis. */
    public void printLogs(PrintStream out, int lines) {
        printTail(out, karafLog(), lines);
        printTail(out, home.resolve("console.log"), lines);
    }

    private Path karafLog() {
        return home.resolve("data/log/karaf.log");
    }

    /**
     * Starts the nodes at the same time (as an administrator starting a cluster would: the first boot of an empty
     * database then has both creating its tables at once) and waits for all of them.
     *
     * @return each node's milliseconds to healthy, in the order given
     */
    public static List<Long> startTogether(Duration timeout, KarafDistribution... nodes) throws Exception {
        ExecutorService starter = Executors.newFixedThreadPool(nodes.length);
        try {
            List<Future<Long>> starts = new ArrayList<>();
            for (KarafDistribution node : nodes) {
                starts.add(starter.submit(() -> node.start(timeout)));
            }
            List<Long> millis = new ArrayList<>();
            for (Future<Long> start : starts) {
                try {
                    millis.add(start.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return millis;
        } finally {
            starter.shutdownNow();
        }
    }

    /** Closes the nodes at the same time (each may take seconds to shut down); null ones are skipped. */
    public static void closeTogether(KarafDistribution... nodes) throws InterruptedException {
        List<Thread> closing = new ArrayList<>();
        for (KarafDistribution node : nodes) {
            if (node != null) {
                Thread close = new Thread(node::close, "close " + node.home());
                close.start();
                closing.add(close);
            }
        }
        for (Thread close : closing) {
            close.join();
        }
    }

    /** Kills a Karaf that is still running (graceful first); the unpacked folder stays for inspection. */
    @Override
    public void close() {
        if (karaf != null) {
            destroyTree(karaf.toHandle());
            karaf = null;
        }
    }

    private static void destroyTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
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

    /**
     * Points the distribution's DataSource at a PostgreSQL database, before it starts, as an administrator edits
     * {@code etc/org.ops4j.datasource-opportune.cfg}.
     */
    public void usePostgres(String jdbcUrl, String user) throws IOException {
        for (Map.Entry<String, String> property : postgresDataSource(jdbcUrl, user).entrySet()) {
            setProperty(home().resolve("etc/org.ops4j.datasource-opportune.cfg"), property.getKey(),
                    property.getValue());
        }
    }

    /** The lines of {@code etc/org.ops4j.datasource-opportune.cfg} that the README's PostgreSQL set-up edits. */
    public static Map<String, String> postgresDataSource(String jdbcUrl, String user) {
        Map<String, String> properties = new LinkedHashMap<>();
        // the name the PostgreSQL driver registers its DataSourceFactory under; replaces "derby"
        properties.put("osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
        properties.put("osgi.jdbc.driver.class", "org.postgresql.Driver");
        properties.put("url", jdbcUrl);
        properties.put("user", user);
        properties.put("factory.poolStatements", "false");
        return properties;
    }

    /** Replaces {@code key = ...} in a properties file, or appends it. */
    public static void setProperty(Path file, String key, String value) throws IOException {
        String content = Files.exists(file) ? Files.readString(file) : "";
        Pattern line = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(content);
        String updated = matcher.find()
                ? matcher.replaceAll(Matcher.quoteReplacement(key + " = " + value))
                : content + (content.isEmpty() || content.endsWith("\n") ? "" : "\n") + key + " = " + value + "\n";
        Files.writeString(file, updated);
    }

    private static void printTail(PrintStream out, Path file, int lines) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            out.println("===== " + file + " (last " + lines + " lines)");
            all.subList(Math.max(0, all.size() - lines), all.size()).forEach(out::println);
        } catch (IOException e) {
            out.println("===== " + file + " unreadable: " + e);
        }
    }
}
