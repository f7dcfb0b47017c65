package fr.ent.portal.signin.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A block of IPv4 or IPv6 addresses ({@code 10.0.0.0/8}, {@code 2001:db8::/32}; a bare address is a block of one).
 * <p>
 * Addresses are parsed as literals by this class itself: nothing here ever resolves a host name.
 * {@link #contains(String)} never throws; it answers false for anything that is not an address literal.
 */
public final class Cidr {

    private final byte[] network;
    private final int prefixLength;

    private Cidr(byte[] network, int prefixLength) {
        this.network = mask(network, prefixLength);
        this.prefixLength = prefixLength;
    }

    /**
     * Parses {@code address/prefix} or a bare address (/32 for IPv4, /128 for IPv6). Host bits set after the prefix
     * are ignored ({@code 192.168.1.7/24} is {@code 192.168.1.0/24}).
     *
     * @throws IllegalArgumentException naming the text when it is not a CIDR block
     */
    public static Cidr parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Not a CIDR block: null");
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] address = Addresses.parse(addressPart);
        if (address == null) {
            throw new IllegalArgumentException("Not a CIDR block: '" + text + "'");
        }
        int maxPrefix = address.length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            String prefixPart = trimmed.substring(slash + 1);
            if (prefixPart.isEmpty() || prefixPart.length() > 3 || !prefixPart.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("Not a CIDR block: '" + text + "'");
            }
            prefix = Integer.parseInt(prefixPart);
            if (prefix > maxPrefix) {
                throw new IllegalArgumentException("Not a CIDR block (prefix longer than " + maxPrefix + "): '" + text + "'");
            }
        }
        return new Cidr(address, prefix);
    }

    /**
     * Parses a comma-separated list ({@code "10.0.0.0/8, 2001:db8::/32"}); a blank or null text is the empty list.
     *
     * @throws IllegalArgumentException naming the first invalid entry
     */
    public static List<Cidr> parseList(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        List<Cidr> blocks = new ArrayList<>();
        for (String entry : commaSeparated.split(",", -1)) {
            if (entry.isBlank()) {
                throw new IllegalArgumentException("Empty entry in the CIDR list '" + commaSeparated + "'");
            }
            blocks.add(parse(entry));
        }
        return List.copyOf(blocks);
    }

    /** True when {@code address} is an IPv4 or IPv6 literal inside this block; false for anything else. */
    public boolean contains(String address) {
        byte[] candidate = Addresses.parse(address);
        if (candidate == null) {
            return false;
        }
        if (candidate.length != network.length) {
            candidate = candidate.length == 16 ? Addresses.mappedIpv4(candidate) : null;
            if (candidate == null || candidate.length != network.length) {
                return false;
            }
        }
        return Arrays.equals(mask(candidate, prefixLength), network);
    }

    /** True when any block of {@code blocks} contains {@code address}. */
    public static boolean anyContains(List<Cidr> blocks, String address) {
        for (Cidr block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public int prefixLength() {
        return prefixLength;
    }

    public boolean isIpv6() {
        return network.length == 16;
    }

    private static byte[] mask(byte[] address, int prefixLength) {
        byte[] masked = address.clone();
        for (int bit = prefixLength; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && prefixLength == that.prefixLength && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    /** The canonical form: {@code 10.0.0.0/8}, {@code 2001:db8:0:0:0:0:0:0/32}. */
    @Override
    public String toString() {
        return Addresses.format(network) + "/" + prefixLength;
    }

    /** Strict IPv4/IPv6 literal parsing, without any name resolution. */
    static final class Addresses {

        private static final int MAX_LENGTH = 64;

        private Addresses() {
        }

        /** The 4 or 16 bytes of an address literal, or null when {@code text} is not one. Never throws. */
        static byte[] parse(String text) {
            if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
                return null;
            }
            String s = text.strip();
            if (s.startsWith("[") && s.endsWith("]") && s.length() > 2) {
                s = s.substring(1, s.length() - 1);
            }
            int zone = s.indexOf('%');
            if (zone >= 0 && s.indexOf(':') >= 0) {
                s = s.substring(0, zone);
            }
            return s.indexOf(':') >= 0 ? ipv6(s) : ipv4(s);
        }

        private static byte[] ipv4(String s) {
            String[] parts = s.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                String part = parts[i];
                if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                    return null;
                }
                int value = 0;
                for (int k = 0; k < part.length(); k++) {
                    char c = part.charAt(k);
                    if (c < '0' || c > '9') {
                        return null;
                    }
                    value = value * 10 + (c - '0');
                }
                if (value > 255) {
                    return null;
                }
                bytes[i] = (byte) value;
            }
            return bytes;
        }

        private static byte[] ipv6(String s) {
            byte[] ipv4Tail = null;
            int lastColon = s.lastIndexOf(':');
            if (s.indexOf('.', lastColon) >= 0) {
                ipv4Tail = ipv4(s.substring(lastColon + 1));
                if (ipv4Tail == null) {
                    return null;
                }
                // keep the colon(s) before the dotted tail so that "::1.2.3.4" still reads as compressed
                s = s.substring(0, lastColon + 1) + "0:0";
            }
            int compression = s.indexOf("::");
            if (compression >= 0 && s.indexOf("::", compression + 1) >= 0) {
                return null;
            }
            List<Integer> head = groups(compression >= 0 ? s.substring(0, compression) : s);
            List<Integer> tail = compression >= 0 ? groups(s.substring(compression + 2)) : List.of();
            if (head == null || tail == null) {
                return null;
            }
            int count = head.size() + tail.size();
            if (compression < 0 ? count != 8 : count > 7) {
                return null;
            }
            int[] words = new int[8];
            for (int i = 0; i < head.size(); i++) {
                words[i] = head.get(i);
            }
            for (int i = 0; i < tail.size(); i++) {
                words[8 - tail.size() + i] = tail.get(i);
            }
            byte[] bytes = new byte[16];
            for (int i = 0; i < 8; i++) {
                bytes[2 * i] = (byte) (words[i] >>> 8);
                bytes[2 * i + 1] = (byte) words[i];
            }
            if (ipv4Tail != null) {
                System.arraycopy(ipv4Tail, 0, bytes, 12, 4);
            }
            return bytes;
        }

        /** Colon-separated hexadecimal groups; the empty text is no group; null when malformed. */
        private static List<Integer> groups(String s) {
            if (s.isEmpty()) {
                return List.of();
            }
            String[] parts = s.split(":", -1);
            List<Integer> words = new ArrayList<>(parts.length);
            for (String part : parts) {
                if (part.isEmpty() || part.length() > 4) {
                    return null;
                }
                int value = 0;
                for (int k = 0; k < part.length(); k++) {
                    int digit = Character.digit(part.charAt(k), 16);
                    if (digit < 0 || part.charAt(k) > 'f') {
                        return null;
                    }
                    value = value * 16 + digit;
                }
                words.add(value);
            }
            return words;
        }

        /** The IPv4 address inside an IPv4-mapped IPv6 address ({@code ::ffff:10.1.2.3}), else null. */
        static byte[] mappedIpv4(byte[] ipv6) {
            for (int i = 0; i < 10; i++) {
                if (ipv6[i] != 0) {
                    return null;
                }
            }
            if (ipv6[10] != (byte) 0xff || ipv6[11] != (byte) 0xff) {
                return null;
            }
            return Arrays.copyOfRange(ipv6, 12, 16);
        }

        /** Dotted quad, or eight lower-case hexadecimal groups. */
        static String format(byte[] address) {
            StringBuilder text = new StringBuilder();
            if (address.length == 4) {
                for (int i = 0; i < 4; i++) {
                    text.append(i == 0 ? "" : ".").append(address[i] & 0xff);
                }
                return text.toString();
            }
            for (int i = 0; i < 16; i += 2) {
                text.append(i == 0 ? "" : ":").append(Integer.toHexString(((address[i] & 0xff) << 8) | (address[i + 1] & 0xff)));
            }
            return text.toString();
        }

        /**
         * The key under which an address is counted: the canonical address for IPv4, the /64 network for IPv6 (one
         * subscriber's allocation, where changing the last 64 bits costs nothing); the text itself, cut, for junk.
         */
        static String rateKey(String address) {
            byte[] bytes = parse(address);
            if (bytes == null) {
                String raw = address == null ? "" : address.strip();
                return "?" + (raw.length() > MAX_LENGTH ? raw.substring(0, MAX_LENGTH) : raw).toLowerCase(Locale.ROOT);
            }
            if (bytes.length == 16) {
                byte[] v4 = mappedIpv4(bytes);
                if (v4 != null) {
                    return format(v4);
                }
                byte[] network = Arrays.copyOf(bytes, 16);
                Arrays.fill(network, 8, 16, (byte) 0);
                return format(network) + "/64";
            }
            return format(bytes);
        }
    }
}
