package org.opportune.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Dictionary;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.Test;
import org.opportune.api.caller.Caller;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.demo.internal.FakeServices.Call;
import org.opportune.persistence.ThreadCallerContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The component: it loads on a thread of its own, as the server, with its clock registered meanwhile. */
public class DemoDataTest {
    private final ThreadCallerContext callers = new ThreadCallerContext();
    private final AtomicReference<Clock> registeredClock = new AtomicReference<>();
    private final AtomicReference<Dictionary<?, ?>> clockProperties = new AtomicReference<>();
    private final CountDownLatch clockUnregistered = new CountDownLatch(1);

    @Test
    public void theDemoIsWrittenAsTheSystemAlsoWhenALoginInstallsIt() throws InterruptedException {
        FakeServices fakes = new FakeServices(callers,
                () -> LocalDate.ofInstant(registeredClock.get().instant(), ZoneOffset.UTC));
        DemoLoader.Services services = fakes.services();

        // as when feature:install runs in the shell session of a login that the shell has bound
        DemoData demo = callers.callAs(Caller.user("anna", Set.of("admin")), () -> {
            assertEquals("anna", callers.current().userName());
            return new DemoData(context(), services.salespeople(), services.contacts(), services.activities(),
                    services.cycles(), services.closeCodes(), services.opportunities(), move -> {
                    });
        });
        try {
            assertTrue("the demo is written and its clock taken away",
                    clockUnregistered.await(60, TimeUnit.SECONDS));
        } finally {
            demo.stop();
        }

        assertEquals("demo", clockProperties.get().get(OpportunityService.CLOCK_PROPERTY));
        assertEquals(DemoPlan.OPPORTUNITIES, fakes.calls(OpportunityService.class, "create").size());
        assertFalse(fakes.calls().isEmpty());
        assertEquals(Set.of(Caller.system()), fakes.calls().stream().map(Call::caller).collect(Collectors.toSet()));
    }

    /** A bundle context that only takes the demo's clock service. */
    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, method, args) -> {
                    if (!method.getName().equals("registerService") || !(args[1] instanceof Clock clock)) {
                        throw new AssertionError("the demo must not call BundleContext." + method.getName());
                    }
                    registeredClock.set(clock);
                    clockProperties.set((Dictionary<?, ?>) args[2]);
                    return Proxy.newProxyInstance(ServiceRegistration.class.getClassLoader(),
                            new Class<?>[] { ServiceRegistration.class }, (registration, call, callArgs) -> {
                                if (!call.getName().equals("unregister")) {
                                    throw new AssertionError("the demo must not call " + call.getName());
                                }
                                clockUnregistered.countDown();
                                return null;
                            });
                });
    }
}
