package org.opportune.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;

/**
 * The transaction scope modules join: each module keeps its own persistence unit, yet work that must commit or
 * roll back with another module's transaction (a move's tasks, DOMAIN §10) runs on that transaction's connection.
 * The module that owns the transaction shares it ({@link JpaUnit} does so when built with this scope, and so can
 * plain JDBC code); a joiner called on the same thread takes {@link #joined()}. Nothing outlives the shared work:
 * a retried transaction shares its new connection, so a joiner called again in it writes there.
 * <p>
 * The installation's one scope (a DS service); public so that modules' unit tests can give their services a real
 * one.
 */
@Component(service = SharedTransactions.class)
public final class SharedTransactions {
    /** What only the owner of the transaction may do with its connection. */
    private static final Set<String> OWNERS_ONLY = Set.of("close", "commit", "rollback", "setAutoCommit",
            "setTransactionIsolation", "abort", "setReadOnly", "releaseSavepoint");

    private final ThreadLocal<Supplier<Connection>> shared = new ThreadLocal<>();

    /**
     * Runs {@code work} with the transaction of {@code connection} open to joiners on this thread.
     *
     * @param connection gives the transaction's connection when a joiner first asks (e.g. EclipseLink's, which it
     *                   takes only once it writes); called at most once
     */
    public <T> T sharing(Supplier<Connection> connection, Supplier<T> work) {
        Supplier<Connection> outer = shared.get();
        shared.set(new Once(connection));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                shared.remove();
            } else {
                shared.set(outer);
            }
        }
    }

    /**
     * @return the connection of the transaction shared on this thread, to run statements in it; empty outside one.
     *         Closing, committing or rolling it back is the owner's alone and throws {@link IllegalStateException}.
     */
    public Optional<Connection> joined() {
        Supplier<Connection> connection = shared.get();
        return connection == null ? Optional.empty() : Optional.of(connection.get());
    }

    private static final class Once implements Supplier<Connection> {
        private final Supplier<Connection> source;
        private Connection guarded;

        Once(Supplier<Connection> source) {
            this.source = source;
        }

        @Override
        public Connection get() {
            if (guarded == null) {
                guarded = guard(source.get());
            }
            return guarded;
        }
    }

    private static Connection guard(Connection connection) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (OWNERS_ONLY.contains(method.getName())) {
                throw new IllegalStateException(method.getName()
                        + " is for the transaction's owner: a module that joins a shared transaction only runs"
                        + " statements on its connection");
            }
            try {
                return method.invoke(connection, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(SharedTransactions.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }
}
