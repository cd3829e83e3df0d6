package org.opportune.rest.internal.security;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class ClientAddressesTest {

    @Test
    public void loopbackAddressesOfBothFamilies() {
        for (String loopback : List.of("127.0.0.1", "127.255.0.9", "::1", "0:0:0:0:0:0:0:1", "[::1]",
                "::ffff:127.0.0.1")) {
            assertTrue(loopback, ClientAddresses.isLoopback(loopback));
        }
    }

    @Test
    public void everythingElseIsAnotherMachine() {
        for (String remote : List.of("192.0.2.7", "10.0.0.1", "0.0.0.0", "2001:db8::1", "::", "fe80::1%eth0",
                "::ffff:192.0.2.7", "128.0.0.1")) {
            assertFalse(remote, ClientAddresses.isLoopback(remote));
        }
    }

    @Test
    public void namesAndNonsenseAreNeverLookedUpAndNotLoopback() {
        for (String odd : List.of("localhost", "abc", "a.b", "", " 127.0.0.1", "127.0.0.1.nip.io", "1234")) {
            assertFalse(odd, ClientAddresses.isLoopback(odd));
        }
        assertFalse(ClientAddresses.isLoopback(null));
    }
}
