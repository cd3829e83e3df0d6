package org.opportune.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client of the REST API as a browser or script would be: its own HttpClient (HTTP/1.1 keep-alive, so one
 * connection reused for all its requests) and HTTP Basic, as admin unless told otherwise.
 */
final class RestApi {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The login (and password) of the salesperson the clients move as with {@code -Dbenchmark.movesAs=salesperson}. */
    static final String SALESPERSON_LOGIN = "bench";
    static final String ADMIN = "admin";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** A response: status, body and its JSON (null when the body is not JSON). */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final URI apiBase;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** @param baseUri the server, e.g. {@code http://localhost:8181} */
    RestApi(URI baseUri) {
        this(baseUri, ADMIN);
    }

    /** @param login a user whose password is its name, e.g. {@link #SALESPERSON_LOGIN} */
    RestApi(URI baseUri, String login) {
        this.apiBase = baseUri.resolve("/api/v1/");
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((login + ":" + login).getBytes(StandardCharsets.UTF_8));
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /**
     * Waits until {@code GET /api/v1/<resource>?limit=1} answers 200: {@code /health} does as soon as Karaf serves,
     * the API's other paths only once the modules of the boot features started (503 until then).
     */
    void awaitOpen(String resource, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer answer;
        do {
            answer = get(resource + "?limit=1");
            if (answer.status() == 200) {
                return;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("GET /api/v1/" + resource + " still answers " + answer.status() + " after "
                + timeout.toSeconds() + " s: " + answer.body());
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, null);
    }

    /** @param ifMatch the ETag to send as If-Match, or null for none */
    Answer post(String path, String json, String ifMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /** A JSON merge patch; anything but 2xx is a failure. */
    void patch(String path, Object body) throws IOException, InterruptedException {
        Answer answer = send(request(path).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        if (!answer.ok()) {
            throw new IllegalStateException("PATCH /api/v1/" + path + " answered " + answer.status() + ": "
                    + answer.body());
        }
    }

    /** Like {@link #post(String, String)}, but anything but 2xx is a failure. */
    JsonNode create(String path, Object body) throws IOException, InterruptedException {
        Answer answer = post(path, JSON.writeValueAsString(body));
        if (!answer.ok()) {
            throw new IllegalStateException("POST /api/v1/" + path + " answered " + answer.status() + ": "
                    + answer.body());
        }
        return answer.json();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(apiBase.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
