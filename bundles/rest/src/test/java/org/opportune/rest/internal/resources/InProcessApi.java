package org.opportune.rest.internal.resources;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.opportune.api.caller.CallerContext;
import org.opportune.api.caller.Roles;
import org.opportune.persistence.ThreadCallerContext;
import org.opportune.rest.internal.http.Cors;
import org.opportune.rest.internal.json.ApiObjectMapper;
import org.opportune.rest.internal.security.AuthenticatedUser;
import org.opportune.rest.internal.security.BasicAuthentication;
import org.opportune.rest.internal.security.LoginCache;
import org.opportune.rest.internal.security.ResourceAccess;
import org.opportune.rest.internal.whiteboard.CallerBinding;
import org.opportune.rest.internal.whiteboard.RestApplication;
import org.opportune.rest.internal.whiteboard.StartupLatch;

/**
 * The REST application as the whiteboard builds it, driven in process through Jersey's
 * {@link ApplicationHandler}: real routing, filters, JSON and exception mapping, no HTTP server. Each
 * request runs as the servlet runs it: its credentials checked first and its user bound as the caller
 * ({@link CallerBinding}) in {@link #callers}, a real {@link ThreadCallerContext}.
 */
final class InProcessApi {
    static final URI BASE = URI.create("http://localhost:8181/api/v1/");
    /** The users of the realm, each with the password of its name, and their roles. */
    static final Map<String, Set<String>> USERS = Map.of(
            "admin", Set.of(Roles.OPPORTUNE_ADMIN, "admin"),
            "manager", Set.of(Roles.SALES_MANAGER),
            "jo", Set.of(Roles.SALESPERSON),
            "viewer", Set.of(Roles.SALES_VIEWER),
            "clerk", Set.of("viewer"));
    /** Credentials of admin: the role opportune-admin (and Karaf's admin, which grants nothing here). */
    static final String ADMIN = basic("admin", "admin");
    static final String MANAGER = basic("manager", "manager");
    /** Credentials of jo: the role salesperson. */
    static final String SALESPERSON = basic("jo", "jo");
    static final String VIEWER = basic("viewer", "viewer");
    /** Credentials of clerk: none of Opportune's roles. */
    static final String CLERK = basic("clerk", "clerk");

    /** Where the requests bind their callers: what the services would ask. */
    final CallerContext callers = new ThreadCallerContext();
    private final ApplicationHandler handler;
    private final CallerBinding binding;
    private final ObjectMapper json = ApiObjectMapper.create();

    /** The application with the given resources; the users are {@link #USERS}. */
    InProcessApi(Object... resources) {
        this(Cors.allowing(List.of(), 0, invalid -> { }), resources);
    }

    /** The same with cross-origin access as configured. */
    InProcessApi(Cors cors, Object... resources) {
        this(cors, StartupLatch.started(), resources);
    }

    /**
     * The application with the given resources on a node that may still be starting: the latch is told this
     * application is served, and asked for every request, as the whiteboard does.
     */
    static InProcessApi starting(StartupLatch startup, Object... resources) {
        return new InProcessApi(Cors.allowing(List.of(), 0, invalid -> { }), startup, resources);
    }

    /** The application with the given resources and who may call what of them, e.g. extension resources. */
    static InProcessApi withAccess(ResourceAccess access, Object... resources) {
        return new InProcessApi(Cors.allowing(List.of(), 0, invalid -> { }), StartupLatch.started(), access,
                resources);
    }

    /** The application with the given resources and one more user (password: its name) with these roles. */
    static InProcessApi withRoles(String user, Set<String> roles, Object... resources) {
        Map<String, Set<String>> users = new java.util.HashMap<>(USERS);
        users.put(user, roles);
        return new InProcessApi(Cors.allowing(List.of(), 0, invalid -> { }), StartupLatch.started(),
                ResourceAccess.builtIn(), users, resources);
    }

    private InProcessApi(Cors cors, StartupLatch startup, Object... resources) {
        this(cors, startup, ResourceAccess.builtIn(), resources);
    }

    private InProcessApi(Cors cors, StartupLatch startup, ResourceAccess access, Object... resources) {
        this(cors, startup, access, USERS, resources);
    }

    private InProcessApi(Cors cors, StartupLatch startup, ResourceAccess access, Map<String, Set<String>> users,
            Object... resources) {
        BasicAuthentication authentication = new BasicAuthentication((user, password, client) -> {
            String secret = new String(password);
            Set<String> roles = users.get(user);
            return roles != null && secret.equals(user) ? java.util.Optional.of(new AuthenticatedUser(user, roles))
                    : java.util.Optional.empty();
        }, new LoginCache(java.time.Duration.ZERO, java.time.Clock.systemUTC()));
        ResourceConfig application = new RestApplication(ApiObjectMapper.create())
                .build(List.of(resources), List.of(), authentication, cors, access);
        handler = new ApplicationHandler(application);
        startup.serving(application.getSingletons());
        binding = new CallerBinding(() -> authentication, () -> callers, startup::starting);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Request request(String method, String path) {
        return new Request(method, path);
    }

    Reply get(String path) {
        return request("GET", path).as(ADMIN).send();
    }

    Reply send(String method, String path, String json) {
        return request(method, path).as(ADMIN).json(json).send();
    }

    final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Request as(String authorization) {
            return header("Authorization", authorization);
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request json(String json) {
            return body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        /** A body with Content-Type and Content-Length, as a client sends a known body. */
        Request body(String contentType, byte[] bytes) {
            header("Content-Type", contentType);
            header("Content-Length", Integer.toString(bytes.length));
            body = bytes;
            return this;
        }

        /** A body without Content-Length, as a chunked upload arrives. */
        Request chunked(String contentType, byte[] bytes) {
            header("Content-Type", contentType);
            header("Transfer-Encoding", "chunked");
            body = bytes;
            return this;
        }

        Reply send() {
            ContainerRequest request = new ContainerRequest(BASE, BASE.resolve(path), method, INSECURE,
                    new MapPropertiesDelegate(), handler.getConfiguration());
            headers.forEach(request::header);
            if (body != null) {
                request.setEntityStream(new ByteArrayInputStream(body));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AtomicReference<ContainerResponse> response = new AtomicReference<>();
            try {
                binding.serve(servletRequest(request), () -> {
                    try {
                        response.set(handler.apply(request, out).get(10, TimeUnit.SECONDS));
                    } catch (InterruptedException | ExecutionException | TimeoutException e) {
                        throw new ServletException(e);
                    }
                });
            } catch (Exception e) {
                throw new AssertionError("the request did not complete", e);
            }
            return new Reply(response.get().getStatus(), response.get().getStringHeaders(),
                    out.toString(StandardCharsets.UTF_8), json);
        }

        /** What the binding reads of the servlet's request: the header, and attributes Jersey sees as properties. */
        private HttpServletRequest servletRequest(ContainerRequest request) {
            HttpServletRequest servlet = mock(HttpServletRequest.class);
            when(servlet.getHeader(HttpHeaders.AUTHORIZATION)).thenReturn(headers.get(HttpHeaders.AUTHORIZATION));
            doAnswer(set -> {
                request.setProperty(set.getArgument(0), set.getArgument(1));
                return null;
            }).when(servlet).setAttribute(anyString(), any());
            return servlet;
        }
    }

    record Reply(int status, Map<String, List<String>> headers, String body, ObjectMapper reader) {
        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> String.join(", ", h.getValue())).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return reader.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The problem document, after checking the response is one with this status. */
        JsonNode problem(int expectedStatus, String kind) {
            if (status != expectedStatus) {
                throw new AssertionError("expected " + expectedStatus + " but got " + status + ": " + body);
            }
            if (!"application/problem+json".equals(header("Content-Type"))) {
                throw new AssertionError("not problem+json but " + header("Content-Type") + ": " + body);
            }
            JsonNode problem = json();
            if (!("https://opportune.dev/problems/" + kind).equals(problem.path("type").asText())
                    || problem.path("status").asInt() != expectedStatus) {
                throw new AssertionError("unexpected problem: " + body);
            }
            return problem;
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    private static final SecurityContext INSECURE = new SecurityContext() {
        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getAuthenticationScheme() {
            return null;
        }
    };
}
