package org.opportune.security.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;

/**
 * The rule: a password everyone knows (the one the distribution ships) is accepted only from a local client. A
 * client is local when every address its login names is in the local ranges; a login that names no client
 * address at all is not local. The first refusal is reported to the administrator, the later ones are not
 * (a scan must not flood the log).
 */
final class LocalOnlyPasswords {
    private final List<char[]> passwords;
    private final AddressRanges local;
    private final Consumer<String> administrator;
    private final AtomicBoolean reported = new AtomicBoolean();

    /**
     * @param passwords     the passwords accepted from local clients only
     * @param local         the addresses that count as local
     * @param administrator where the first refusal is reported (the log)
     */
    LocalOnlyPasswords(Collection<String> passwords, AddressRanges local, Consumer<String> administrator) {
        this.passwords = passwords.stream().map(String::toCharArray).toList();
        this.local = local;
        this.administrator = administrator;
    }

    /**
     * @param clients Karaf's principals naming the client, e.g. {@code ssh(/192.0.2.7:50122)}
     * @return what the client is told when the password is local-only and the client is not local
     */
    Optional<String> refusal(String user, char[] password, Collection<ClientPrincipal> clients) {
        if (!isLocalOnly(password) || isLocal(clients)) {
            return Optional.empty();
        }
        String message = "the password of user " + user + " is a default password everyone knows, accepted only "
                + "from the server itself (" + local + "); set another one on the server: in etc/users.properties ("
                + user + " = <new password>,<its roles and groups as before>; read at once) or in its console with "
                + "jaas:realm-manage --realm karaf, jaas:user-add " + user + " <new password>, jaas:update";
        if (reported.compareAndSet(false, true)) {
            String from = clients.isEmpty() ? "a client of unknown address"
                    : clients.stream().map(ClientPrincipal::getName).collect(Collectors.joining(", "));
            administrator.accept("Refused a login of " + user + " from " + from + ": " + message
                    + ". (Further refusals of this kind are not logged.)");
        }
        return Optional.of(message);
    }

    private boolean isLocalOnly(char[] password) {
        return password != null && passwords.stream().anyMatch(known -> Arrays.equals(known, password));
    }

    private boolean isLocal(Collection<ClientPrincipal> clients) {
        return !clients.isEmpty() && clients.stream()
                .map(client -> IpLiterals.ofClient(client.getAddress()))
                .allMatch(address -> address.map(local::contains).orElse(false));
    }
}
