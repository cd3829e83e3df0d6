package org.opportune.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.itests.distribution.FreshDistribution;
import org.opportune.itests.distribution.KarafDistribution;

/**
 * The API over HTTPS as an administrator sets it up: a self-signed certificate made with keytool, Pax Web's TLS keys
 * in {@code etc/org.ops4j.pax.web.cfg} of the unpacked distribution, and a client that trusts that certificate.
 */
public class HttpsIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final String ALIAS = "opportune";
    private static final String STORE_PASSWORD = "Keystore-Secret-1";

    @Rule
    public final FreshDistribution distribution = new FreshDistribution(
            Path.of(OpportuneTestSupport.requiredProperty("opportune.distribution")), "https", 100);

    @Test
    public void theApiAnswersOverHttpsWithTheConfiguredCertificate() throws Exception {
        KarafDistribution karaf = distribution.get();
        Path keystore = karaf.home().resolve("etc/opportune-itest.p12");
        generateSelfSignedCertificate(keystore);
        int securePort = FreePorts.next();
        Path webConfig = karaf.home().resolve("etc/org.ops4j.pax.web.cfg");
        KarafDistribution.setProperty(webConfig, "org.osgi.service.http.secure.enabled", "true");
        KarafDistribution.setProperty(webConfig, "org.osgi.service.http.port.secure", Integer.toString(securePort));
        KarafDistribution.setProperty(webConfig, "org.ops4j.pax.web.ssl.keystore", keystore.toString());
        KarafDistribution.setProperty(webConfig, "org.ops4j.pax.web.ssl.keystore.password", STORE_PASSWORD);
        KarafDistribution.setProperty(webConfig, "org.ops4j.pax.web.ssl.key.password", STORE_PASSWORD);
        KarafDistribution.setProperty(webConfig, "org.ops4j.pax.web.ssl.keystore.type", "PKCS12");
        karaf.start(START_TIMEOUT);

        HttpClient client = HttpClient.newBuilder().sslContext(trusting(keystore))
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest me = HttpRequest.newBuilder(URI.create("https://localhost:" + securePort + "/api/v1/me"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", OpportuneTestSupport.basicAuthorization(OpportuneTestSupport.ADMIN,
                        OpportuneTestSupport.ADMIN_PASSWORD))
                .GET().build();
        // the secure connector starts with the plain one Karaf's start waited for; allow it a moment all the same
        OpportuneTestSupport.eventually(Duration.ofSeconds(30), () -> assertEquals(200, send(client, me).statusCode()));
        HttpResponse<String> answer = send(client, me);
        assertEquals(answer.body(), 200, answer.statusCode());
        JsonNode body = new ObjectMapper().readTree(answer.body());
        assertEquals(body.toString(), OpportuneTestSupport.ADMIN, body.path("userName").asText());
        assertTrue(body.toString(), body.path("roles").toString().contains("opportune-admin"));

        HttpResponse<String> health = send(client, HttpRequest.newBuilder(
                URI.create("https://localhost:" + securePort + "/api/v1/health")).GET().build());
        assertEquals(health.body(), 200, health.statusCode());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code keytool -genkeypair}: an RSA key and a self-signed certificate for localhost, in a PKCS12 store. */
    private static void generateSelfSignedCertificate(Path keystore) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("keytool did not finish", process.waitFor(60, TimeUnit.SECONDS));
        assertEquals("keytool: " + output, 0, process.exitValue());
        assertTrue(Files.isRegularFile(keystore));
    }

    /** A TLS context trusting exactly the certificate in {@code keystore}. */
    private static SSLContext trusting(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        Certificate certificate = keys.getCertificate(ALIAS);
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry(ALIAS, certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
