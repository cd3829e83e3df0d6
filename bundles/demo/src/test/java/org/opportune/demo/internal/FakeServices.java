package org.opportune.demo.internal;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.opportune.api.Page;
import org.opportune.api.caller.Caller;
import org.opportune.api.caller.CallerContext;
import org.opportune.api.contact.ContactService;
import org.opportune.api.cycle.CloseOpportunityCodeService;
import org.opportune.api.cycle.SalesCycleService;
import org.opportune.api.opportunity.OpportunityService;
import org.opportune.api.salesperson.SalespersonService;
import org.opportune.api.task.ActivityService;

/**
 * The six services the demo writes through, as fakes that list an empty database and record every
 * other call with the caller bound at the time and the demo's "today". A create answers with a view
 * that knows only its key: the one given, or the next number ({@code N1}, {@code N2}…).
 */
final class FakeServices {
    /** One call of the demo; {@code key}: that of the view answered, null for none. */
    record Call(Class<?> service, String method, List<Object> args, String key, Caller caller, LocalDate today) {
        <T> T arg(int index, Class<T> type) {
            return type.cast(args.get(index));
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>(); // the demo may write on a thread of its own
    private final AtomicInteger numbers = new AtomicInteger();
    private final CallerContext callers;
    private final Supplier<LocalDate> today;

    FakeServices(CallerContext callers, Supplier<LocalDate> today) {
        this.callers = callers;
        this.today = today;
    }

    DemoLoader.Services services() {
        return new DemoLoader.Services(fake(SalespersonService.class), fake(ContactService.class),
                fake(ActivityService.class), fake(SalesCycleService.class), fake(CloseOpportunityCodeService.class),
                fake(OpportunityService.class));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(Class<?> service, String method) {
        return calls.stream().filter(call -> call.service() == service && call.method().equals(method)).toList();
    }

    @SuppressWarnings("unchecked")
    private <S> S fake(Class<S> type) {
        return (S) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            List<Object> given = args == null ? List.of() : Arrays.asList(args);
            if (method.getName().equals("list")) {
                return new Page<>(List.of(), 0, 0, 1);
            }
            if (method.getReturnType() == void.class) {
                calls.add(new Call(type, method.getName(), given, null, callers.current(), today.get()));
                return null;
            }
            String key = !given.isEmpty() && given.get(0) instanceof String text ? text
                    : "N" + numbers.incrementAndGet();
            calls.add(new Call(type, method.getName(), given, key, callers.current(), today.get()));
            return view(method.getReturnType(), key);
        });
    }

    /** A read-only view of which only the key ({@code no()} or {@code code()}) may be asked. */
    private static Object view(Class<?> type, String key) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            return switch (method.getName()) {
                case "no", "code", "toString" -> key;
                default -> throw new AssertionError("the demo must not need " + type.getSimpleName() + "."
                        + method.getName() + "()");
            };
        });
    }
}
