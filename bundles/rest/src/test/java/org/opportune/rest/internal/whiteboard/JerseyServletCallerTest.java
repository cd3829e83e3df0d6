package org.opportune.rest.internal.whiteboard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.servlet.ServletConfig;
import javax.servlet.ServletContext;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.junit.Test;
import org.opportune.api.caller.CallerContext;
import org.opportune.api.caller.Roles;
import org.opportune.persistence.ThreadCallerContext;
import org.opportune.rest.internal.http.Cors;
import org.opportune.rest.internal.json.ApiObjectMapper;
import org.opportune.rest.internal.security.AuthenticatedUser;
import org.opportune.rest.internal.security.BasicAuthentication;
import org.opportune.rest.internal.security.BasicCredentialsTest;
import org.opportune.rest.internal.security.LoginCache;
import org.opportune.rest.internal.security.ResourceAccess;

/** The servlet runs Jersey as the request's user: a resource sees it, and nothing is bound afterwards. */
public class JerseyServletCallerTest {
    private static final CallerContext CALLERS = new ThreadCallerContext();

    /** Answers who it runs for. */
    @Path("whoami")
    public static final class WhoAmI {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String whoAmI() {
            return CALLERS.current().toString();
        }
    }

    @Test
    public void aResourceRunsAsTheUserOfTheRequest() throws Exception {
        BasicAuthentication authentication = new BasicAuthentication((user, password, client) ->
                Optional.of(new AuthenticatedUser(user, Set.of(Roles.OPPORTUNE_ADMIN, "sales"))),
                new LoginCache(Duration.ZERO, Clock.systemUTC()));
        JerseyServlet servlet = new JerseyServlet(() -> new RestApplication(ApiObjectMapper.create())
                .build(List.of(new WhoAmI()), List.of(), authentication, Cors.allowing(List.of(), 0, x -> { }),
                        ResourceAccess.builtIn()),
                new CallerBinding(() -> authentication, () -> CALLERS));
        servlet.init(config());

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        servlet.service(request(BasicCredentialsTest.basic("jo:secret")), response(body));

        assertEquals("jo [opportune-admin, sales]", body.toString());
        assertTrue("nothing is bound after the request", CALLERS.current().isSystem());
        servlet.destroy();
    }

    private static ServletConfig config() {
        ServletContext context = mock(ServletContext.class);
        when(context.getInitParameterNames()).thenReturn(Collections.emptyEnumeration());
        when(context.getAttributeNames()).thenReturn(Collections.emptyEnumeration());
        ServletConfig config = mock(ServletConfig.class);
        when(config.getServletContext()).thenReturn(context);
        when(config.getInitParameterNames()).thenReturn(Collections.emptyEnumeration());
        when(config.getServletName()).thenReturn("opportune-rest");
        return config;
    }

    private static HttpServletRequest request(String authorization) {
        Map<String, Object> attributes = new HashMap<>();
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn("GET");
        when(request.getRequestURL()).thenReturn(new StringBuffer("http://localhost:8181/api/v1/whoami"));
        when(request.getRequestURI()).thenReturn("/api/v1/whoami");
        when(request.getContextPath()).thenReturn("");
        when(request.getServletPath()).thenReturn("/api/v1");
        when(request.getPathInfo()).thenReturn("/whoami");
        when(request.getRemoteAddr()).thenReturn("127.0.0.1");
        when(request.getHeaderNames()).thenReturn(Collections.enumeration(List.of("Authorization")));
        when(request.getHeaders("Authorization")).thenReturn(Collections.enumeration(List.of(authorization)));
        when(request.getHeader("Authorization")).thenReturn(authorization);
        when(request.getAttributeNames()).thenAnswer(call -> Collections.enumeration(attributes.keySet()));
        when(request.getAttribute(anyString())).thenAnswer(call -> attributes.get(call.getArgument(0)));
        doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1))).when(request)
                .setAttribute(anyString(), any());
        return request;
    }

    private static HttpServletResponse response(ByteArrayOutputStream body) throws Exception {
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        });
        return response;
    }
}
