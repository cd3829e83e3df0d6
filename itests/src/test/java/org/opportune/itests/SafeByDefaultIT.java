package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A freshly unpacked distribution cannot be entered from another machine with the shipped admin / admin. Here
 * only 127.0.0.1 counts as local, and 127.0.0.2 plays "another machine": every connection stays on loopback,
 * made from a chosen source address (a raw socket for HTTP, since Java 17's HttpClient cannot bind one; the SSHD
 * client for SSH).
 */
public class SafeByDefaultIT extends RestApiTestSupport {
    private static final String LOCAL = "127.0.0.1";
    private static final String ELSEWHERE = "127.0.0.2";
    private static final String NEW_PASSWORD = "Opp0rtune-itest";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Inject
    protected ConfigurationAdmin configurations;

    @Override
    protected Option[] additionalOptions() {
        return new Option[] { editConfigurationFilePut("etc/org.opportune.security.cfg", "localAddresses", LOCAL) };
    }

    @Test
    public void theShippedPasswordWorksFromTheLocalAddressOnlyUntilItIsChanged() throws Exception {
        assertEquals("SSH listens on loopback only", LOCAL, shellConfiguration().get("sshHost"));
        String shipped = basicAuthorization(ADMIN, ADMIN_PASSWORD);

        // from the machine itself, everything works as documented
        assertEquals(200, rawGet(LOCAL, "/api/v1/salespeople", shipped).status());
        assertTrue(sshLogin(LOCAL, ADMIN, ADMIN_PASSWORD));

        // from anywhere else it is refused, also after a local success (no cached login) and whatever a header says
        Response refused = rawGet(ELSEWHERE, "/api/v1/salespeople", shipped, "X-Forwarded-For", LOCAL);
        JsonNode problem = assertProblem(refused, 401);
        String detail = problem.path("detail").asText();
        assertTrue(detail, detail.contains("default password") && detail.contains("etc/users.properties"));
        assertEquals("Basic realm=\"opportune\"", refused.header("WWW-Authenticate"));
        assertFalse(sshLogin(ELSEWHERE, ADMIN, ADMIN_PASSWORD));

        // the administrator sets a password the documented way: from now on it works from everywhere
        try {
            setAdminPassword(NEW_PASSWORD);
            String changed = basicAuthorization(ADMIN, NEW_PASSWORD);
            assertEquals(200, rawGet(ELSEWHERE, "/api/v1/salespeople", changed).status());
            assertEquals(200, rawGet(LOCAL, "/api/v1/salespeople", changed).status());
            assertTrue(sshLogin(ELSEWHERE, ADMIN, NEW_PASSWORD));
            assertTrue(sshLogin(LOCAL, ADMIN, NEW_PASSWORD));
            assertFalse("the old password is gone", sshLogin(LOCAL, ADMIN, ADMIN_PASSWORD));
        } finally {
            setAdminPassword(ADMIN_PASSWORD);
        }
    }

    /** As the README says, in one shell session (the realm being edited is the session's). */
    private void setAdminPassword(String password) {
        executeCommand("jaas:realm-manage --realm karaf; jaas:user-add " + ADMIN + " " + password + "; jaas:update");
    }

    @Test
    public void answersCarrySecurityHeadersAndCorsOpensOnlyToConfiguredOrigins() throws Exception {
        String origin = "https://crm.example.com";
        Response answer = http("GET", "/api/v1/salespeople", null, "Origin", origin);
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
        assertEquals("no-store", answer.header("Cache-Control"));
        assertNull("CORS is off by default", answer.header("Access-Control-Allow-Origin"));
        assertEquals(401, preflight(origin).status());

        Configuration rest = configurations.getConfiguration("org.opportune.rest", null);
        Dictionary<String, Object> properties = rest.getProperties() == null ? new Hashtable<>() : rest.getProperties();
        properties.put("allowedOrigins", origin);
        rest.update(properties);
        try {
            eventually(TIMEOUT, () -> assertEquals(204, preflight(origin).status()));
            Response preflight = preflight(origin);
            assertEquals(origin, preflight.header("Access-Control-Allow-Origin"));
            assertEquals("true", preflight.header("Access-Control-Allow-Credentials"));
            assertEquals(origin, http("GET", "/api/v1/salespeople", null, "Origin", origin)
                    .header("Access-Control-Allow-Origin"));
            assertEquals(401, preflight("https://elsewhere.example").status());
        } finally {
            properties.put("allowedOrigins", "");
            rest.update(properties);
        }
    }

    private Response preflight(String origin) {
        return httpWithoutCredentials("OPTIONS", "/api/v1/salespeople", null, "Origin", origin,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization");
    }

    private Dictionary<String, Object> shellConfiguration() throws IOException {
        return configurations.getConfiguration("org.apache.karaf.shell", null).getProperties();
    }

    /** Logs in over SSH from {@code source} and runs a command; false when the login is refused. */
    private boolean sshLogin(String source, String user, String password) throws IOException {
        int port = Integer.parseInt(String.valueOf(shellConfiguration().get("sshPort")));
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try (ClientSession session = client.connect(user, new InetSocketAddress(LOCAL, port), null,
                new InetSocketAddress(source, 0)).verify(TIMEOUT).getSession()) {
            session.addPasswordIdentity(password);
            try {
                session.auth().verify(TIMEOUT);
            } catch (SshException refused) {
                return false;
            }
            String echoed = session.executeRemoteCommand("echo logged-in");
            assertTrue(echoed, echoed.contains("logged-in"));
            return true;
        } finally {
            client.stop();
        }
    }

    /** A GET over a socket bound to {@code source}; {@code headers} are name/value pairs. */
    private Response rawGet(String source, String path, String authorization, String... headers) {
        int port = baseUri().getPort();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress(LOCAL, port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + LOCAL + ":" + port
                    + "\r\nConnection: close\r\nAuthorization: " + authorization + "\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            return readAnswer(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " from " + source + " failed", e);
        }
    }
}
