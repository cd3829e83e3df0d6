package org.opportune.rest.internal.whiteboard;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.opportune.rest.internal.security.BasicAuthentication;

/**
 * Answers 503 with Retry-After, before matching and before authentication, every request that arrived while
 * the API was starting ({@link CallerBinding} marks it with {@value #STARTING}, the detail to answer, and checks
 * no credentials for it). A stranger learns that the node is starting, and nothing about the path it asked for.
 * {@code /health} is answered, when this application serves it: it says what is down, the API among them.
 * The problem document, the Retry-After header and the security headers are those of every 503.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
public final class StartingGate implements ContainerRequestFilter {
    /** The request property holding the detail of the 503 for a request that arrived while starting. */
    public static final String STARTING = "org.opportune.rest.starting";

    private final boolean servesHealth;

    /** @param servesHealth whether the application has the {@code /health} resource */
    public StartingGate(boolean servesHealth) {
        this.servesHealth = servesHealth;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getProperty(STARTING) instanceof String detail)) {
            return;
        }
        if (servesHealth && BasicAuthentication.isPublic(request.getUriInfo().getPath())) {
            return;
        }
        throw new ServiceUnavailableException(detail, (long) StartupLatch.RETRY_AFTER_SECONDS);
    }
}
