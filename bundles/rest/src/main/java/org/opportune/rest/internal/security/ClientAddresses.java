package org.opportune.rest.internal.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** What a client's IP address (the TCP peer, as the servlet container gives it) says about where it is. */
public final class ClientAddresses {
    /** Dotted IPv4, or IPv6 (it has a colon, which no host name has): never a name to look up. */
    private static final Pattern IP_LITERAL = Pattern.compile(
            "\\d{1,3}(\\.\\d{1,3}){3}|\\[?[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(%[\\w.-]+)?]?");

    private ClientAddresses() {
    }

    /** @return whether the address is this machine's loopback (127.0.0.0/8, ::1, ::ffff:127.x); false when unknown */
    public static boolean isLoopback(String client) {
        if (client == null || !IP_LITERAL.matcher(client).matches()) {
            return false;
        }
        String literal = client.startsWith("[") && client.endsWith("]") ? client.substring(1, client.length() - 1)
                : client;
        try {
            return InetAddress.getByName(literal).isLoopbackAddress(); // a literal: parsed, not resolved
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return false;
        }
    }
}
