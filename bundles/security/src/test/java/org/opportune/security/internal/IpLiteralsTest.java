package org.opportune.security.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.util.Optional;

import org.junit.Test;

public class IpLiteralsTest {

    @Test
    public void literalsOfBothFamilies() {
        assertEquals("127.0.0.2", text(IpLiterals.parse("127.0.0.2")));
        assertEquals("0:0:0:0:0:0:0:1", text(IpLiterals.parse("::1")));
        assertEquals("0:0:0:0:0:0:0:1", text(IpLiterals.parse("[::1]")));
        assertEquals("an IPv4-mapped IPv6 address is the IPv4 address", "127.0.0.1",
                text(IpLiterals.parse("::ffff:127.0.0.1")));
    }

    @Test
    public void namesAndNonsenseAreNoAddressAndNeverLookedUp() {
        assertTrue(IpLiterals.parse("localhost").isEmpty());
        assertTrue(IpLiterals.parse("intranet.example").isEmpty());
        assertTrue(IpLiterals.parse("256.0.0.1").isEmpty());
        assertTrue(IpLiterals.parse("127.0.0").isEmpty());
        assertTrue(IpLiterals.parse("").isEmpty());
    }

    @Test
    public void clientAddressesAsKarafAndTheRestApiWriteThem() {
        assertEquals("ssh", "127.0.0.2", text(IpLiterals.ofClient("/127.0.0.2:50122")));
        assertEquals("ssh with a host name", "127.0.0.1", text(IpLiterals.ofClient("localhost/127.0.0.1:50122")));
        assertEquals("ssh over IPv6", "0:0:0:0:0:0:0:1", text(IpLiterals.ofClient("/[0:0:0:0:0:0:0:1]:50122")));
        assertEquals("jmx and http", "192.0.2.7", text(IpLiterals.ofClient("192.0.2.7")));
        assertEquals("jmx and http over IPv6", "0:0:0:0:0:0:0:1", text(IpLiterals.ofClient("0:0:0:0:0:0:0:1")));
        assertTrue(IpLiterals.ofClient(null).isEmpty());
        assertTrue(IpLiterals.ofClient("/[::1").isEmpty());
    }

    private static String text(Optional<InetAddress> address) {
        return address.orElseThrow(() -> new AssertionError("no address")).getHostAddress();
    }
}
