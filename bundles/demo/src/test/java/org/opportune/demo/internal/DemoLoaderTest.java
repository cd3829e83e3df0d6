package org.opportune.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.Test;
import org.opportune.api.Page;
import org.opportune.api.caller.Caller;
import org.opportune.api.contact.ContactService;
import org.opportune.api.contact.ContactType;
import org.opportune.api.contact.ContactValues;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.opportunity.Closing;
import org.opportune.api.opportunity.NewOpportunity;
import org.opportune.api.opportunity.OpportunityAction;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.opportunity.StageUpdate;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.api.task.ActivityService;
import org.opportune.demo.internal.DemoPlan.Script;
import org.opportune.demo.internal.DemoPlan.Step;
import org.opportune.demo.internal.FakeServices.Call;
import org.opportune.persistence.ThreadCallerContext;

/**
 * The demo never writes into a database that has data: one record anywhere is enough to leave it
 * alone. Into an empty one it writes the whole plan through the services, day by day.
 */
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

    private static DemoLoader loader(long salespeople, long contacts, long activities, long cycles, long closeCodes,
            long opportunities) {
        return new DemoLoader(new DemoLoader.Services(service(SalespersonService.class, salespeople),
                service(ContactService.class, contacts), service(ActivityService.class, activities),
                service(SalesCycleService.class, cycles),
                service(CloseOpportunityCodeService.class, closeCodes),
                service(OpportunityService.class, opportunities)), new SettableClock(LocalDate.now()), message -> {
                });
    }

    @Test
    public void anEmptyDatabaseIsEmpty() {
        assertFalse(loader(0, 0, 0, 0, 0, 0).databaseHasData());
    }

    @Test
    public void oneRecordOfAnyKindIsData() {
        assertTrue(loader(1, 0, 0, 0, 0, 0).databaseHasData());
        assertTrue(loader(0, 1, 0, 0, 0, 0).databaseHasData());
        assertTrue(loader(0, 0, 1, 0, 0, 0).databaseHasData());
        assertTrue(loader(0, 0, 0, 1, 0, 0).databaseHasData());
        assertTrue(loader(0, 0, 0, 0, 1, 0).databaseHasData());
        assertTrue(loader(0, 0, 0, 0, 0, 1).databaseHasData());
    }

    @Test
    public void theWholePlanIsWrittenThroughTheServicesDayByDay() {
        LocalDate today = LocalDate.of(2026, 11, 24);
        SettableClock clock = new SettableClock(today);
        FakeServices fakes = new FakeServices(new ThreadCallerContext(),
                () -> LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        List<Script> plan = DemoPlan.plan(today, DemoLoader.PERSONS_PER_COMPANY);

        DemoLoader.Totals totals = new DemoLoader(fakes.services(), clock, message -> {
        }).load(today);

        assertEquals(new DemoLoader.Totals(plan.size(), plan.stream().mapToInt(script -> script.steps().size()).sum()),
                totals);
        assertEquals(DemoWorld.SALESPEOPLE.stream().map(DemoWorld.Salesperson::code).toList(),
                keys(fakes.calls(SalespersonService.class, "create")));
        assertEquals(DemoWorld.ACTIVITIES.stream().map(DemoWorld.Activity::code).toList(),
                keys(fakes.calls(ActivityService.class, "create")));
        assertEquals(DemoWorld.CYCLES.stream().map(DemoWorld.Cycle::code).toList(),
                keys(fakes.calls(SalesCycleService.class, "create")));
        assertTrue("the activities before the cycles that name them", fakes.calls().indexOf(last(fakes.calls(
                ActivityService.class, "create"))) < fakes.calls().indexOf(fakes.calls(SalesCycleService.class,
                        "create").get(0)));
        assertEquals(DemoWorld.CLOSE_CODES.stream().map(DemoWorld.CloseCode::code).toList(),
                keys(fakes.calls(CloseOpportunityCodeService.class, "create")));

        List<Call> contacts = fakes.calls(ContactService.class, "create");
        assertEquals(DemoWorld.COMPANIES.size() * (DemoLoader.PERSONS_PER_COMPANY + 1), contacts.size());
        for (int i = 0; i < contacts.size(); i++) {
            Call company = contacts.get(i - i % (DemoLoader.PERSONS_PER_COMPANY + 1));
            ContactValues values = contacts.get(i).arg(0, ContactValues.class);
            assertEquals("numbers from the series", 1, contacts.get(i).args().size());
            assertEquals(company == contacts.get(i) ? ContactType.COMPANY : ContactType.PERSON, values.type());
            if (values.type() == ContactType.PERSON) {
                assertEquals(company.key(), values.companyNo());
            }
        }

        List<String> expected = new ArrayList<>();
        for (Script script : plan) {
            String contact = contacts.get(script.company() * (DemoLoader.PERSONS_PER_COMPANY + 1)
                    + (script.person() < 0 ? 0 : 1 + script.person())).key();
            expected.add(script.start() + " create " + contact + " " + script.cycle().code() + " "
                    + script.salespersonCode() + (script.activate() ? " activated" : ""));
            for (Step step : script.steps()) {
                expected.add(step.date() + " " + switch (step.kind()) {
                    case NEXT, PREVIOUS, UPDATE -> "move " + step.kind();
                    case QUOTE -> "assignSalesQuote";
                    case WON, LOST -> "close " + step.kind();
                });
            }
        }
        List<String> written = fakes.calls().stream().filter(call -> call.service() == OpportunityService.class)
                .map(DemoLoaderTest::describe).toList();
        assertEquals(expected, written);

        assertTrue("every record written as the system", fakes.calls().stream()
                .allMatch(call -> call.caller().equals(Caller.system())));
    }

    private static Call last(List<Call> calls) {
        return calls.get(calls.size() - 1);
    }

    private static List<String> keys(List<Call> creates) {
        return creates.stream().map(Call::key).toList();
    }

    /** What an opportunity call did, on which day, in the terms of the plan. */
    private static String describe(Call call) {
        String what = switch (call.method()) {
            case "create" -> {
                NewOpportunity opportunity = call.arg(0, NewOpportunity.class);
                yield "create " + opportunity.contactNo() + " " + opportunity.salesCycleCode() + " "
                        + opportunity.salespersonCode() + (opportunity.activation() == null ? "" : " activated");
            }
            case "move" -> {
                StageUpdate update = call.arg(1, StageUpdate.class);
                // moving on cancels the stage's open tasks; an update keeps them
                assertEquals(update.toString(), update.action() != OpportunityAction.UPDATE, update.cancelOpenTasks());
                yield "move " + update.action();
            }
            case "close" -> {
                Closing closing = call.arg(1, Closing.class);
                // the close code is one of the demo's, of the outcome's type
                assertTrue(closing.toString(), DemoWorld.CLOSE_CODES.stream().anyMatch(code -> code.code()
                        .equals(closing.closeCode()) && code.type().name().equals(closing.outcome().name())));
                yield "close " + closing.outcome();
            }
            default -> call.method();
        };
        return call.today() + " " + what;
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
