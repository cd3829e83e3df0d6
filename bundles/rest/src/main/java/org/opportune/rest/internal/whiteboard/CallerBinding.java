package org.opportune.rest.internal.whiteboard;

import java.io.IOException;
import java.util.function.Supplier;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.HttpHeaders;

import org.opportune.api.caller.Caller;
import org.opportune.api.caller.CallerContext;
import org.opportune.rest.internal.security.AuthenticatedUser;
import org.opportune.rest.internal.security.BasicAuthentication;
import org.opportune.rest.internal.security.Login;

/**
 * Runs each request as whoever sent it: checks its credentials before Jersey sees it (leaving the
 * {@link Login} for {@link BasicAuthentication} to answer from) and binds the user, with the roles the realm
 * gave it, as the {@link Caller} of everything Jersey does for the request: the filters after authentication,
 * the resource method and the services it calls, the exception mappers, the writing of the answer. The caller
 * is unbound when the request is done, also when it failed. A request without a user (no or refused
 * credentials, {@code /health}) runs unbound, as does every request while no {@link CallerContext} is there
 * (the persistence bundle is stopped, and with it every service that would ask).
 * <p>
 * While the API is starting ({@link StartupLatch}) nothing logs in: the request is marked with
 * {@value StartingGate#STARTING} and runs unbound, for the {@link StartingGate} to answer 503 (or {@code /health}
 * to answer that the API is down). No credentials are checked, nor remembered, before every module, the security
 * module's guard of the realm among them, is there.
 */
public final class CallerBinding {
    private final Supplier<BasicAuthentication> authentication;
    private final Supplier<CallerContext> callers;
    private final Supplier<String> starting;

    /** A binding for an API that has started already. */
    public CallerBinding(Supplier<BasicAuthentication> authentication, Supplier<CallerContext> callers) {
        this(authentication, callers, () -> null);
    }

    /**
     * @param authentication the authentication configured now
     * @param callers        the CallerContext, or null while there is none
     * @param starting       while the API is starting, what it waits for (see {@link StartupLatch#starting}),
     *                       null once it has started
     */
    public CallerBinding(Supplier<BasicAuthentication> authentication, Supplier<CallerContext> callers,
                         Supplier<String> starting) {
        this.authentication = authentication;
        this.callers = callers;
        this.starting = starting;
    }

    /** Jersey's processing of one request. */
    @FunctionalInterface
    public interface Work {
        void run() throws IOException, ServletException;
    }

    /** @param request with the client's address in {@value BasicAuthentication#CLIENT_ADDRESS} */
    public void serve(HttpServletRequest request, Work work) throws IOException, ServletException {
        String waiting = starting.get();
        if (waiting != null) {
            request.setAttribute(StartingGate.STARTING, waiting);
            work.run();
            return;
        }
        Login login = authentication.get().login(request.getHeader(HttpHeaders.AUTHORIZATION),
                (String) request.getAttribute(BasicAuthentication.CLIENT_ADDRESS), request.isSecure());
        request.setAttribute(BasicAuthentication.LOGIN, login);
        CallerContext context = callers.get();
        if (context == null || login.authenticated().isEmpty()) {
            work.run();
            return;
        }
        try {
            context.callAs(caller(login.authenticated().get()), () -> {
                try {
                    work.run();
                    return null;
                } catch (IOException | ServletException e) {
                    throw new Unchecked(e);
                }
            });
        } catch (Unchecked e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) e.getCause();
        }
    }

    /** The caller a user of the realm is: its name and the names of its role principals. */
    static Caller caller(AuthenticatedUser user) {
        return Caller.user(user.name(), user.roles());
    }

    /** Carries a checked exception of the work through {@link CallerContext#callAs}. */
    private static final class Unchecked extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unchecked(Exception cause) {
            super(cause);
        }
    }
}
