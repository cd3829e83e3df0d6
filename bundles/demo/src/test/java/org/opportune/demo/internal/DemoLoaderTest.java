package org.opportune.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.Test;
import org.opportune.api.Page;
import org.opportune.api.contact.ContactService;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.salesperson.SalespersonService;

/** The demo never writes into a database that has data: one record anywhere is enough to leave it alone. */
public class DemoLoaderTest {

    /** A service whose lists hold {@code total} records and that fails on anything but listing. */
    @SuppressWarnings("unchecked")
    private static <S> S service(Class<S> type, long total) {
        return (S) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            if (method.getName().equals("list")) {
                return new Page<>(List.of(), total, 0, 1);
            }
            throw new AssertionError("the demo must not call " + method.getName() + " here");
        });
    }

    private static DemoLoader loader(long salespeople, long contacts, long cycles, long closeCodes,
            long opportunities) {
        return new DemoLoader(new DemoLoader.Services(service(SalespersonService.class, salespeople),
                service(ContactService.class, contacts), service(SalesCycleService.class, cycles),
                service(CloseOpportunityCodeService.class, closeCodes),
                service(OpportunityService.class, opportunities)), new SettableClock(LocalDate.now()), message -> {
                });
    }

    @Test
    public void anEmptyDatabaseIsEmpty() {
        assertFalse(loader(0, 0, 0, 0, 0).databaseHasData());
    }

    @Test
    public void oneRecordOfAnyKindIsData() {
        assertTrue(loader(1, 0, 0, 0, 0).databaseHasData());
        assertTrue(loader(0, 1, 0, 0, 0).databaseHasData());
        assertTrue(loader(0, 0, 1, 0, 0).databaseHasData());
        assertTrue(loader(0, 0, 0, 1, 0).databaseHasData());
        assertTrue(loader(0, 0, 0, 0, 1).databaseHasData());
    }

    @Test
    public void eMailAddressesAreTheSameOnATurkishServer() {
        Locale defaultLocale = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR")); // where "I".toLowerCase() is a dotless i
        try {
            assertEquals("isla@graphicdesigninstitute.example",
                    DemoWorld.email("Isla", DemoLoader.domain("Graphic Design Institute")));
            assertEquals("hr@cronus.example", DemoWorld.email("HR", "cronus.example"));
        } finally {
            Locale.setDefault(defaultLocale);
        }
    }
}
