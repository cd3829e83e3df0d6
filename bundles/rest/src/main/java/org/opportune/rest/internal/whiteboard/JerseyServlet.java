package org.opportune.rest.internal.whiteboard;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.opportune.rest.internal.security.BasicAuthentication;

/**
 * The servlet registered with the HTTP whiteboard: a thin delegate to a Jersey container. Pax Web
 * may call destroy and init on the same instance (a Jetty restart), and a Jersey container cannot
 * be initialised twice, so every init creates a new one. A reload before the first init (Jersey
 * starts on the first request) is nothing to do: init builds from the current resources anyway.
 * <p>
 * Each request runs as whoever sent it (see {@link CallerBinding}): its user is bound as the caller around
 * all of Jersey's processing of it.
 * <p>
 * A reload does not reload the running container ({@code ServletContainer.reload} shuts down the
 * request scope of requests still under way, which then fail): it starts a new container, routes
 * new requests to it, and destroys the old one when its last request has been answered. Whoever cares what is
 * served (the {@link StartupLatch}) is told after each swap, when new requests reach the new application.
 */
final class JerseyServlet implements Servlet {
    private final Supplier<ResourceConfig> application;
    private final CallerBinding callers;
    private final Consumer<ResourceConfig> serving;
    private final Object lock = new Object();
    private volatile Generation current;
    private volatile ServletConfig config;

    /**
     * @param application builds the application from the resources and extensions there are now
     * @param callers     binds the caller of each request
     */
    JerseyServlet(Supplier<ResourceConfig> application, CallerBinding callers) {
        this(application, callers, served -> { });
    }

    /**
     * @param application builds the application from the resources and extensions there are now
     * @param callers     binds the caller of each request
     * @param serving     told the application new requests go to, once they do
     */
    JerseyServlet(Supplier<ResourceConfig> application, CallerBinding callers, Consumer<ResourceConfig> serving) {
        this.application = application;
        this.callers = callers;
        this.serving = serving;
    }

    @Override
    public void init(ServletConfig servletConfig) throws ServletException {
        synchronized (lock) {
            config = servletConfig;
            replace(start(servletConfig));
        }
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        Generation generation = enter();
        if (generation == null) { // only between destroy and init
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        // the TCP peer: nothing here reads X-Forwarded-For, which any client can send
        request.setAttribute(BasicAuthentication.CLIENT_ADDRESS, request.getRemoteAddr());
        try {
            callers.serve((HttpServletRequest) request, () -> generation.container.service(request, response));
        } finally {
            generation.leave();
        }
    }

    @Override
    public void destroy() {
        synchronized (lock) {
            replace(null);
        }
    }

    /** Swaps in the application as it is now; requests under way finish on the old one. */
    void reload() {
        synchronized (lock) {
            if (current != null) {
                try {
                    replace(start(config));
                } catch (ServletException e) {
                    throw new IllegalStateException("Jersey could not start the reloaded application", e);
                }
            }
        }
    }

    private Generation start(ServletConfig servletConfig) throws ServletException {
        ResourceConfig config = application.get();
        ServletContainer container = new ServletContainer(config);
        container.init(servletConfig);
        return new Generation(container, config);
    }

    private void replace(Generation next) {
        Generation previous = current;
        current = next;
        if (previous != null) {
            previous.retire();
        }
        if (next != null) {
            serving.accept(next.config);
        }
    }

    /** The generation to serve a request with, counted in; null when there is none. */
    private Generation enter() {
        while (true) {
            Generation generation = current;
            if (generation == null || generation.enter()) {
                return generation;
            }
            // retired between the read and the count: the next read sees its successor
        }
    }

    @Override
    public ServletConfig getServletConfig() {
        return config;
    }

    @Override
    public String getServletInfo() {
        return "Opportune REST API (Jersey)";
    }

    /**
     * One Jersey container and the requests under way on it. The count holds the requests plus one
     * while the generation is current; retiring drops that one, and whoever brings the count to
     * zero destroys the container. A negative count marks it destroyed: no request may enter.
     */
    private static final class Generation {
        private final ServletContainer container;
        private final ResourceConfig config;
        private final AtomicInteger users = new AtomicInteger(1);

        Generation(ServletContainer container, ResourceConfig config) {
            this.container = container;
            this.config = config;
        }

        boolean enter() {
            int now;
            do {
                now = users.get();
                if (now <= 0) {
                    return false;
                }
            } while (!users.compareAndSet(now, now + 1));
            return true;
        }

        void leave() {
            if (users.decrementAndGet() == 0) {
                destroyNow();
            }
        }

        void retire() {
            leave();
        }

        private void destroyNow() {
            users.set(Integer.MIN_VALUE);
            container.destroy();
        }
    }
}
