package org.opportune.security.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The client addresses that count as local: single addresses and CIDR blocks ({@code 127.0.0.0/8}, {@code ::1}). */
final class AddressRanges {
    private final List<Range> ranges;
    private final List<String> specs;

    private AddressRanges(List<Range> ranges, List<String> specs) {
        this.ranges = List.copyOf(ranges);
        this.specs = List.copyOf(specs);
    }

    /**
     * @param specs   addresses and CIDR blocks, each also a comma-separated list
     * @param invalid told about every entry that is not an address or block; that entry is left out
     */
    static AddressRanges parse(Iterable<String> specs, Consumer<String> invalid) {
        List<Range> ranges = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String spec : Settings.split(specs)) {
            Optional<Range> range = Range.parse(spec);
            if (range.isPresent()) {
                ranges.add(range.get());
                kept.add(spec);
            } else {
                invalid.accept(spec);
            }
        }
        return new AddressRanges(ranges, kept);
    }

    boolean contains(InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    @Override
    public String toString() {
        return String.join(", ", specs);
    }

    private record Range(byte[] network, int prefixBits) {
        static Optional<Range> parse(String spec) {
            int slash = spec.indexOf('/');
            Optional<InetAddress> address = IpLiterals.parse(slash < 0 ? spec : spec.substring(0, slash));
            if (address.isEmpty()) {
                return Optional.empty();
            }
            byte[] network = address.get().getAddress();
            int bits = network.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(spec.substring(slash + 1).trim());
                } catch (NumberFormatException notANumber) {
                    return Optional.empty();
                }
                if (bits < 0 || bits > network.length * 8) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Range(network, bits));
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int fullBytes = prefixBits / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int restBits = prefixBits % 8;
            if (restBits == 0) {
                return true;
            }
            int mask = 0xFF << (8 - restBits) & 0xFF;
            return (bytes[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }
}
