package org.opportune.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.Test;
import org.opportune.api.caller.Caller;

public class ThreadCallerContextTest {
    private final ThreadCallerContext context = new ThreadCallerContext();
    private final Caller anna = Caller.user("anna", Set.of("salesperson"));
    private final Caller boss = Caller.user("boss", Set.of("sales-manager"));

    @Test
    public void withoutABindingTheCallerIsTheSystem() {
        assertEquals(Caller.system(), context.current());
    }

    @Test
    public void aBindingHoldsForTheWorkOnItsThreadOnlyAndNests() throws Exception {
        String seen = context.callAs(anna, () -> {
            String inner = context.callAs(boss, () -> context.current().userName());
            String otherThread = CompletableFuture.supplyAsync(() -> context.current().userName()).join();
            return inner + " " + context.current().userName() + " " + otherThread;
        });

        assertEquals("boss anna system", seen);
        assertEquals(Caller.system(), context.current());
    }

    @Test
    public void theOuterCallerIsBackWhenTheWorkThrows() {
        context.runAs(anna, () -> {
            assertThrows(IllegalStateException.class, () -> context.runAs(boss, () -> {
                throw new IllegalStateException("refused");
            }));
            assertEquals(anna, context.current());
        });
        assertEquals(Caller.system(), context.current());
    }
}
