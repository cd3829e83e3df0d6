package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureSecurity;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;
import javax.security.auth.Subject;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * What every Pax Exam test of Opportune shares: a Karaf distribution unpacked under target/exam and started in its
 * own JVM with free ports, one container per test class, and helpers to talk to it over real HTTP and the shell.
 * <p>
 * {@link #config()} runs in the test JVM (Maven's system properties are visible there); the test methods run inside
 * Karaf, where only what {@link #config()} wrote into etc/ is known, e.g. the HTTP port as system property
 * {@value #HTTP_PORT_PROPERTY}.
 * <p>
 * The static helpers ({@link #eventually(Duration, Runnable)}, {@link #send}) are also used by
 * tests that start the distribution as a plain process.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class OpportuneTestSupport {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    public static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);

    static final String HTTP_PORT_PROPERTY = "opportune.itest.http.port";
    static final String VERSION_PROPERTY = "opportune.version";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService featuresService;

    @Inject
    protected SessionFactory sessionFactory;

    /** Injection waits for it: the tests start once the boot features are installed. */
    @Inject
    protected BootFinished bootFinished;

    // ---------------------------------------------------------------- container configuration (test JVM)

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(karafOptions(distributionArchive()), additionalOptions());
    }

    /** The Karaf distribution to boot; the one built by karaf-assembly unless a test says otherwise. */
    protected File distributionArchive() {
        return new File(requiredProperty("opportune.distribution"));
    }

    /** Options a test class adds to the common ones. */
    protected Option[] additionalOptions() {
        return new Option[0];
    }

    @ProbeBuilder
    public TestProbeBuilder probeConfiguration(TestProbeBuilder probe) {
        // the probe holds only the test classes: Jackson, Karaf and OSGi APIs are wired from the container
        probe.setHeader(Constants.DYNAMICIMPORT_PACKAGE, "*");
        return probe;
    }

    private static Option[] karafOptions(File distribution) {
        String karafVersion = requiredProperty("karaf.version");
        String localRepository = requiredProperty("org.ops4j.pax.url.mvn.localRepository");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(distribution.toURI().toString())
                        .karafVersion(karafVersion)
                        .name("Opportune")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                keepRuntimeFolder(),
                configureConsole().ignoreLocalConsole(),
                // Karaf 4.4 has no KarafMBeanServerBuilder on its boot class path any more
                configureSecurity().disableKarafMBeanServerBuilder(),
                systemTimeout(BOOT_TIMEOUT.toMillis()),
                systemProperty("pax.exam.service.timeout").value(Long.toString(BOOT_TIMEOUT.toMillis())),
                // how long the probe waits for Pax Exam's own Injector service (10 s by default): on a loaded
                // machine the probe may start before it, fail, and leave the test waiting for ever
                systemProperty("org.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT")
                        .value(Long.toString(BOOT_TIMEOUT.toMillis())),
                systemProperty(VERSION_PROPERTY).value(requiredProperty(VERSION_PROPERTY)),
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                        "org.ops4j.pax.url.mvn.localRepository", localRepository),
                // nothing is downloaded at test time: what is not in the distribution comes from the local repository
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", "")));
        options.addAll(List.of(portOptions()));
        options.addAll(List.of(jdk9PlusOptions(karafVersion)));
        return options.toArray(new Option[0]);
    }

    private static Option[] portOptions() {
        String httpPort = Integer.toString(FreePorts.next());
        return new Option[] {
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
            systemProperty(HTTP_PORT_PROPERTY).value(httpPort),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(FreePorts.next())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                    Integer.toString(FreePorts.next())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                    Integer.toString(FreePorts.next())),
        };
    }

    /**
     * What bin/karaf passes to a JDK 9+ and Pax Exam 4.14 does not: without the patched java.base (OsgiLocator)
     * and the jdk9plus libraries on the class path, the JAXB/activation specs and the XML factories fail.
     * The paths are relative to the Karaf home, the working directory of the forked JVM.
     */
    private static Option[] jdk9PlusOptions(String karafVersion) {
        List<String> args = List.of(
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module=java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                "--patch-module=java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                "--add-opens=java.base/java.security=ALL-UNNAMED",
                "--add-opens=java.base/java.net=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens=java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                "-classpath",
                "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*");
        return args.stream().map(VMOption::new).toArray(Option[]::new);
    }

    /** A system property Maven (failsafe) must pass; a clear failure instead of a NullPointerException. */
    protected static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the tests with Maven (failsafe)");
        }
        return value;
    }

    // ---------------------------------------------------------------- inside the container

    @Before
    public void awaitRestApi() {
        awaitHealthUp();
    }

    /** Polls /api/v1/health until it answers 200 with status UP. */
    protected void awaitHealthUp() {
        eventually(BOOT_TIMEOUT, () -> {
            Response health = httpWithoutCredentials("GET", "/api/v1/health", null);
            assertEquals("GET /api/v1/health: " + health.body(), 200, health.status());
            assertEquals("UP", health.json().path("status").asText());
        });
    }

    protected URI baseUri() {
        return URI.create("http://localhost:" + requiredProperty(HTTP_PORT_PROPERTY));
    }

    /** A request as admin/admin. {@code headers} are name/value pairs; body may be null. */
    protected Response http(String method, String path, String body, String... headers) {
        return send(baseUri(), method, path, body, basicAuthorization(ADMIN, ADMIN_PASSWORD), headers);
    }

    /**
     * POSTs only the head of a request declaring a body of {@code length} bytes with {@code Expect: 100-continue}, as
     * curl and other clients do for large bodies, and reads the answer: a server refusing the body answers at once
     * instead of "100 Continue". (Without the Expect header Jetty answers only when its idle timeout gives up on the
     * body; sending the body with a client that insists on writing it all first would race the server closing the
     * connection, a broken pipe instead of the 413.)
     */
    protected Response postDeclaringBodyOf(String path, long length) {
        URI base = baseUri();
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nExpect: 100-continue"
                    + "\r\nConnection: close\r\nAuthorization: "
                    + basicAuthorization(ADMIN, ADMIN_PASSWORD) + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readAnswer(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " failed", e);
        }
    }

    /**
     * Reads one HTTP/1.1 answer from a raw connection: the head, then exactly the body its Content-Length or
     * chunked encoding announces (the server may keep the connection open), else everything until it closes.
     */
    protected static Response readAnswer(java.io.InputStream in) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        while (!headBytes.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("connection closed in the answer's head: " + headBytes);
            }
            headBytes.write(next);
        }
        String[] lines = headBytes.toString(StandardCharsets.US_ASCII).trim().split("\r\n");
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        List<String> contentLength = headers.get("Content-Length");
        byte[] body;
        if (contentLength != null) {
            body = in.readNBytes(Integer.parseInt(contentLength.get(0)));
        } else if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
            body = unchunked(in);
        } else {
            body = in.readAllBytes();
        }
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunked(java.io.InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed in a chunk's size");
                }
                size.append((char) c);
            }
            int length = Integer.parseInt(size.toString().trim().split(";")[0], 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            in.readNBytes(2); // the CRLF after the chunk
        }
    }

    /** A request with no Authorization header. */
    protected Response httpWithoutCredentials(String method, String path, String body, String... headers) {
        return send(baseUri(), method, path, body, null, headers);
    }

    /** Runs a shell command as admin (with Karaf's admin roles) and returns what it printed. */
    protected String executeCommand(String command) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream printer = new PrintStream(output, true, StandardCharsets.UTF_8);
        Subject admin = new Subject();
        admin.getPrincipals().add(new UserPrincipal(ADMIN));
        for (String role : List.of("admin", "manager", "viewer", "systembundles", "ssh", "opportune-admin")) {
            admin.getPrincipals().add(new RolePrincipal(role));
        }
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Object> result = executor.submit(() -> Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> {
                try (Session session = sessionFactory.create(System.in, printer, printer)) {
                    Object value = session.execute(command);
                    if (value != null) {
                        session.getConsole().println(value);
                    }
                    return value;
                }
            }));
            result.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            printer.flush();
            return output.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new AssertionError("Shell command '" + command + "' failed; it printed:\n"
                    + output.toString(StandardCharsets.UTF_8), e);
        } finally {
            executor.shutdownNow();
        }
    }

    protected Optional<Bundle> bundle(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst();
    }

    /** A connection of the distribution's DataSource ({@code dataSourceName=opportune}), to read or lock past REST. */
    protected Connection openDatabaseConnection() throws SQLException {
        ServiceReference<DataSource> reference;
        try {
            reference = bundleContext.getServiceReferences(DataSource.class, "(dataSourceName=opportune)").iterator()
                    .next();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        try {
            return bundleContext.getService(reference).getConnection(); // pooled: valid while the DataSource is there
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    protected Bundle requiredBundle(String symbolicName) {
        return bundle(symbolicName).orElseThrow(() -> new AssertionError("Bundle " + symbolicName + " is not installed"));
    }

    protected Bundle installBundle(String location) {
        try {
            return bundleContext.installBundle(location);
        } catch (BundleException e) {
            throw new AssertionError("Cannot install " + location, e);
        }
    }

    protected void stopBundle(String symbolicName) {
        try {
            requiredBundle(symbolicName).stop();
        } catch (BundleException e) {
            throw new AssertionError("Cannot stop " + symbolicName, e);
        }
    }

    protected void startBundle(String symbolicName) {
        try {
            requiredBundle(symbolicName).start();
        } catch (BundleException e) {
            throw new AssertionError("Cannot start " + symbolicName, e);
        }
    }

    protected static String stateName(Bundle bundle) {
        switch (bundle.getState()) {
            case Bundle.ACTIVE: return "ACTIVE";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            default: return "UNINSTALLED";
        }
    }

    // ---------------------------------------------------------------- shared by all integration tests

    /** Retries {@code assertion} until it passes or {@code timeout} is over, then fails with its last error. */
    public static void eventually(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Still failing after " + timeout.toSeconds() + " s: " + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting", e);
            }
        }
    }

    public static String basicAuthorization(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One HTTP request. A body without a Content-Type header among {@code headers} is sent as application/json;
     * {@code authorization} null sends no credentials.
     */
    public static Response send(URI base, String method, String path, String body, String authorization,
                                String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers are name/value pairs: " + Arrays.toString(headers));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        boolean contentType = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            contentType |= "Content-Type".equalsIgnoreCase(headers[i]);
        }
        if (body != null && !contentType) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    /** What came back from one HTTP request. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        /** The first value of a header, names compared without case; null when absent. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public JsonNode json() {
            assertNotNull("no body", body);
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }
    }
}
