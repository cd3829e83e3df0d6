package org.opportune.security.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

public class AddressRangesTest {
    private final List<String> invalid = new ArrayList<>();

    @Test
    public void theDefaultIsLoopbackOfBothFamilies() {
        AddressRanges local = AddressRanges.parse(List.of("127.0.0.0/8", "::1"), invalid::add);

        assertTrue(local.contains(address("127.0.0.1")));
        assertTrue(local.contains(address("127.255.0.9")));
        assertTrue(local.contains(address("::1")));
        assertFalse(local.contains(address("128.0.0.1")));
        assertFalse(local.contains(address("10.0.0.1")));
        assertFalse(local.contains(address("::2")));
        assertTrue(invalid.isEmpty());
    }

    @Test
    public void aSingleAddressIsOnlyItself() {
        AddressRanges local = AddressRanges.parse(List.of("127.0.0.1"), invalid::add);

        assertTrue(local.contains(address("127.0.0.1")));
        assertFalse(local.contains(address("127.0.0.2")));
        assertFalse("another family never matches", local.contains(address("::1")));
    }

    @Test
    public void blocksOnAnyBitAndCommaSeparatedSettings() {
        AddressRanges local = AddressRanges.parse(List.of("192.168.4.0/22, fd00::/8", "0.0.0.0/0x"), invalid::add);

        assertTrue(local.contains(address("192.168.7.255")));
        assertFalse(local.contains(address("192.168.8.0")));
        assertTrue(local.contains(address("fd12:3456::1")));
        assertFalse(local.contains(address("fe80::1")));
        assertEquals(List.of("0.0.0.0/0x"), invalid);
        assertEquals("192.168.4.0/22, fd00::/8", local.toString());
    }

    @Test
    public void entriesThatAreNoBlockAreReportedAndLeftOut() {
        AddressRanges local = AddressRanges.parse(List.of("localhost", "127.0.0.1/33", "::1/129", "127.0.0.1"),
                invalid::add);

        assertEquals(List.of("localhost", "127.0.0.1/33", "::1/129"), invalid);
        assertTrue(local.contains(address("127.0.0.1")));
    }

    private static InetAddress address(String literal) {
        return IpLiterals.parse(literal).orElseThrow();
    }
}
