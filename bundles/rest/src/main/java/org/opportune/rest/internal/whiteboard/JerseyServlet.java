package org.opportune.rest.internal.whiteboard;

import java.io.IOException;
import java.util.function.Supplier;

import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;

import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The servlet registered with the HTTP whiteboard: a thin delegate to a Jersey container. Pax Web
 * may call destroy and init on the same instance (a Jetty restart), and a Jersey container cannot
 * be initialised twice, so every init creates a new one. A reload before the first init (Jersey
 * starts on the first request) is nothing to do: init builds from the current resources anyway.
 */
final class JerseyServlet implements Servlet {
    private final Supplier<ResourceConfig> application;
    private final Object lock = new Object();
    private volatile ServletContainer container;
    private volatile ServletConfig config;

    /** @param application builds the application from the resources and extensions there are now */
    JerseyServlet(Supplier<ResourceConfig> application) {
        this.application = application;
    }

    @Override
    public void init(ServletConfig servletConfig) throws ServletException {
        synchronized (lock) {
            ServletContainer started = new ServletContainer(application.get());
            started.init(servletConfig);
            config = servletConfig;
            container = started;
        }
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        ServletContainer current = container;
        if (current == null) { // only between destroy and init
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        current.service(request, response);
    }

    @Override
    public void destroy() {
        synchronized (lock) {
            ServletContainer stopped = container;
            container = null;
            if (stopped != null) {
                stopped.destroy();
            }
        }
    }

    /** Swaps in the application as it is now; requests under way finish on the old one. */
    void reload() {
        synchronized (lock) {
            ServletContainer current = container;
            if (current != null) {
                current.reload(application.get());
            }
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
}
