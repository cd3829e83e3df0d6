package org.opportune.rest.internal.whiteboard;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.concurrent.atomic.AtomicInteger;

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
}
