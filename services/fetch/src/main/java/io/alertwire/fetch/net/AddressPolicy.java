package io.alertwire.fetch.net;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Refuses hosts on addresses that are not the public internet, unless the operator allows them
 * (all of them, or listed networks).
 *
 * <p>Checked when a source is created (for a readable 400) and again before every request,
 * including every redirect hop, because DNS answers change and redirects can point anywhere. The
 * HTTP client resolves the name once more when it connects, so a DNS server that answers
 * differently within milliseconds (rebinding) is not covered; pinning the checked address would be.
 */
@ApplicationScoped
public class AddressPolicy {

    private final boolean allowPrivate;
    private final List<Cidr> allowedNetworks;

    public AddressPolicy(NetConfig config) {
        this.allowPrivate = config.allowPrivateAddresses();
        this.allowedNetworks = config.allowedNetworks().orElse(List.of()).stream()
                .filter(network -> !network.isBlank()).map(Cidr::parse).toList();
    }

    /**
     * Checks every address the URL's host resolves to.
     *
     * @throws ForbiddenAddressException if one of them is not public (and that is not allowed)
     * @throws UnknownHostException if the host does not resolve
     */
    public void check(URI uri) throws ForbiddenAddressException, UnknownHostException {
        if (allowPrivate) {
            return;
        }
        String host = uri.getHost();
        if (host == null) {
            throw new ForbiddenAddressException("the URL has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (InetAddress address : InetAddress.getAllByName(bare)) {
            String kind = nonPublicKind(address);
            if (kind != null && allowedNetworks.stream().noneMatch(network -> network.contains(address))) {
                throw new ForbiddenAddressException("the host " + host + " is on a " + kind + " address ("
                        + address.getHostAddress() + "); only public addresses are allowed");
            }
        }
    }

    /**
     * What kind of non-public address this is ("loopback", "private", ...), or {@code null} when it
     * is a public address.
     */
    public static String nonPublicKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "any-local";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local"; // also 169.254.169.254, the cloud metadata service
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address.isSiteLocalAddress()) {
            return "private"; // 10/8, 172.16/12, 192.168/16, and deprecated IPv6 fec0::/10
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && (second & 0xc0) == 64) {
                return "shared (CGNAT)"; // 100.64.0.0/10
            }
            if (first == 0) {
                return "this-network"; // 0.0.0.0/8
            }
            if (first >= 240) {
                return "reserved"; // 240/4 and broadcast
            }
        } else if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "unique-local"; // fc00::/7
            }
            if (isIpv4Mapped(b)) {
                byte[] v4 = {b[12], b[13], b[14], b[15]};
                try {
                    return nonPublicKind(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e); // cannot happen with 4 bytes
                }
            }
        }
        return null;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
