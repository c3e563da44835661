package io.alertwire.fetch.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** A network in CIDR form ({@code 10.0.0.0/8}, {@code fd00::/8}), matched against resolved addresses. */
record Cidr(byte[] network, int prefixBits) {

    // literals only: a host name here would make the allow-list depend on DNS
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    /**
     * Reads {@code address/bits}; a bare address is a single host.
     *
     * @throws IllegalArgumentException with a readable message when it is not a CIDR
     */
    static Cidr parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        if (!LITERAL.matcher(address).matches()) {
            throw new IllegalArgumentException("not an IP network in CIDR form: " + text);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP network in CIDR form: " + text);
        }
        int bits;
        try {
            bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(value.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an IP network in CIDR form: " + text);
        }
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalArgumentException("prefix length out of range in " + text);
        }
        return new Cidr(bytes, bits);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefixBits / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }
}
