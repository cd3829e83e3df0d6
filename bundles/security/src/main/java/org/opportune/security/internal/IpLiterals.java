package org.opportune.security.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP addresses written as literals, read without ever asking DNS: a host name is not an address here, so a
 * name that happens to resolve to a local address can never make a client local.
 */
final class IpLiterals {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z._-]+)?");

    private IpLiterals() {
    }

    /** @return the address of an IPv4 or IPv6 literal (IPv6 also in brackets), empty for anything else */
    static Optional<InetAddress> parse(String text) {
        String literal = text.trim();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (IPV4.matcher(literal).matches()) {
            byte[] bytes = new byte[4];
            String[] parts = literal.split("\\.");
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) part;
            }
            return address(bytes);
        }
        if (IPV6.matcher(literal).matches()) {
            try {
                return Optional.of(InetAddress.getByName(literal)); // a literal: no lookup
            } catch (UnknownHostException | SecurityException notAnAddress) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The address of a client as Karaf's {@code ClientPrincipal} gives it: {@code /127.0.0.1:52144} or
     * {@code /[0:0:0:0:0:0:0:1]:52144} for SSH (a socket address, maybe with a host name before the slash),
     * {@code 127.0.0.1} or {@code 0:0:0:0:0:0:0:1} for JMX and HTTP.
     */
    static Optional<InetAddress> ofClient(String clientAddress) {
        if (clientAddress == null) {
            return Optional.empty();
        }
        String address = clientAddress.substring(clientAddress.lastIndexOf('/') + 1).trim();
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            return end < 0 ? Optional.empty() : parse(address.substring(1, end));
        }
        int colon = address.indexOf(':');
        if (colon >= 0 && colon == address.lastIndexOf(':')) { // IPv4 with a port
            address = address.substring(0, colon);
        }
        return parse(address);
    }

    private static Optional<InetAddress> address(byte[] bytes) {
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException impossible) { // only for a wrong length
            return Optional.empty();
        }
    }
}
