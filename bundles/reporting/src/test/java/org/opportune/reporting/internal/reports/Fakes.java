package org.opportune.reporting.internal.reports;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.opportune.api.Page;
import org.opportune.api.PageRequest;

/** Services that answer only the methods a test names, and remember each call's arguments. */
final class Fakes {
    private Fakes() {
    }

    /** A call a fake received: the method's name and its arguments. */
    record Call(String method, List<Object> args) {
    }

    /** @param answers by method name; any other method throws */
    static <T> T answering(Class<T> type, List<Call> calls, Map<String, Function<Object[], Object>> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> {
                    Function<Object[], Object> answer = answers.get(method.getName());
                    if (answer == null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    calls.add(new Call(method.getName(), args == null ? List.of() : Arrays.asList(args)));
                    return answer.apply(args);
                }));
    }

    /** The slice of {@code items} the page request (the argument at {@code index}) asks for. */
    static <T> Page<T> slice(List<T> items, Object[] args, int index) {
        PageRequest page = (PageRequest) args[index];
        int from = Math.min(page.offset(), items.size());
        int to = Math.min(page.offset() + page.limit(), items.size());
        return new Page<>(items.subList(from, to), items.size(), page.offset(), page.limit());
    }
}
