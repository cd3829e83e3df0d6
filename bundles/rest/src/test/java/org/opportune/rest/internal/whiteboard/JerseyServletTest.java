package org.opportune.rest.internal.whiteboard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.servlet.ServletConfig;
import javax.servlet.ServletContext;

import org.glassfish.jersey.server.ResourceConfig;
import org.junit.Test;

public class JerseyServletTest {

    @Test
    public void aReloadBeforeJerseyStartedIsLeftToTheFirstInit() {
        AtomicInteger builds = new AtomicInteger();
        JerseyServlet servlet = new JerseyServlet(() -> {
            builds.incrementAndGet();
            return new ResourceConfig();
        }, new CallerBinding(() -> null, () -> null));

        servlet.reload();
        servlet.reload();
        servlet.destroy(); // destroy before any init is harmless too

        assertEquals("nothing to reload: init builds from the current resources", 0, builds.get());
        assertNull(servlet.getServletConfig());
    }

    @Test
    public void whoCaresIsToldEachApplicationOnceItServes() throws Exception {
        List<ResourceConfig> built = new ArrayList<>();
        List<ResourceConfig> served = new ArrayList<>();
        JerseyServlet servlet = new JerseyServlet(() -> {
            ResourceConfig config = new ResourceConfig();
            built.add(config);
            return config;
        }, new CallerBinding(() -> null, () -> null), served::add);

        servlet.init(config());
        servlet.reload();
        servlet.destroy();

        assertEquals(2, served.size());
        assertSame(built.get(0), served.get(0));
        assertSame(built.get(1), served.get(1));
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
}
