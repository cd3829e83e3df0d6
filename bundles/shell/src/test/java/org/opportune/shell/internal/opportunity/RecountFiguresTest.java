package org.opportune.shell.internal.opportunity;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.opportune.shell.internal.ThrownRefusal.refusalOf;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.LongSupplier;

import org.junit.Rule;
import org.junit.Test;
import org.opportune.api.AccessDeniedException;
import org.opportune.api.caller.Roles;
import org.opportune.api.statistics.OpportunityStatisticsService;
import org.opportune.shell.internal.ConsoleCapture;
import org.opportune.shell.internal.References;

public class RecountFiguresTest {

    @Rule
    public final ConsoleCapture console = new ConsoleCapture();

    /** A statistics service whose recount answers as {@code recount} does; it offers nothing else. */
    private static OpportunityStatisticsService recounting(LongSupplier recount) {
        return (OpportunityStatisticsService) Proxy.newProxyInstance(RecountFiguresTest.class.getClassLoader(),
                new Class<?>[] {OpportunityStatisticsService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("recount")) {
                        return recount.getAsLong();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    public void recountsAndSaysHowManyGroupsItCounted() throws Exception {
        References.inject(new RecountFigures(), recounting(() -> 42)).execute();

        assertArrayEquals(new String[] {"Counted the stage figures afresh: 42 groups (cycle, stage, salesperson)"},
                console.outLines());
    }

    @Test
    public void theServicesRefusalIsThrown() throws Exception {
        RecountFigures command = References.inject(new RecountFigures(), recounting(() -> {
            throw new AccessDeniedException("recounting the statistics needs the opportune-admin role, which mia does"
                    + " not have", List.of(Roles.OPPORTUNE_ADMIN));
        }));

        assertEquals("access denied: recounting the statistics needs the opportune-admin role, which mia does not have"
                + " (needs the role opportune-admin)", refusalOf(command));
        assertEquals("", console.out());
    }

    @Test
    public void withoutTheOpportunitiesModuleItSaysSo() throws Exception {
        assertEquals("the opportunities module is not available", refusalOf(new RecountFigures()));
    }
}
