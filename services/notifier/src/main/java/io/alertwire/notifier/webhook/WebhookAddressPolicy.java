package io.alertwire.notifier.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Refuses webhook targets inside the operator's own network (SSRF), and says which address a
 * permitted target is to be called at.
 *
 * <p>The host is resolved once, through {@link WebhookResolver}; every address it resolves to must
 * be public, and the sender then connects to the first of those very addresses (keeping the host
 * name for the {@code Host} header and for TLS), so that a DNS server that answers "public" to the
 * check and "internal" to the connection (DNS rebinding) gains nothing. Refused: loopback, private
 * (RFC 1918), link-local, cloud metadata (169.254.169.254, fd00:ec2::254), shared CGNAT
 * (100.64.0.0/10), "this network" (0.0.0.0/8), IETF-reserved, benchmarking, multicast, broadcast
 * and reserved IPv4 blocks; IPv6 unspecified, loopback, unique-local (fc00::/7), link-local
 * (fe80::/10), site-local and multicast; and IPv6 addresses that carry an IPv4 one (mapped,
 * compatible, NAT64, 6to4) whose IPv4 address is refused.
 *
 * <p>An operator may let some blocks through ({@code alertwire.webhook.allowed-ranges}, e.g. a
 * partner's network) or all of them ({@code alertwire.webhook.allow-private-addresses}, for a
 * laptop).
 */
@ApplicationScoped
public class WebhookAddressPolicy {

    private static final List<Blocked> BLOCKED = List.of(
            new Blocked("0.0.0.0/8", "'this network' (0.0.0.0/8)"),
            new Blocked("10.0.0.0/8", "private"),
            new Blocked("100.64.0.0/10", "shared (CGNAT)"),
            new Blocked("127.0.0.0/8", "loopback"),
            new Blocked("169.254.169.254/32", "cloud metadata"),
            new Blocked("169.254.0.0/16", "link-local"),
            new Blocked("172.16.0.0/12", "private"),
            new Blocked("192.0.0.0/24", "IETF-reserved"),
            new Blocked("192.168.0.0/16", "private"),
            new Blocked("198.18.0.0/15", "benchmarking"),
            new Blocked("224.0.0.0/4", "multicast"),
            new Blocked("255.255.255.255/32", "broadcast"),
            new Blocked("240.0.0.0/4", "reserved"),
            new Blocked("::/128", "unspecified"),
            new Blocked("::1/128", "loopback"),
            new Blocked("fd00:ec2::254/128", "cloud metadata"),
            new Blocked("fc00::/7", "unique-local"),
            new Blocked("fe80::/10", "link-local"),
            new Blocked("fec0::/10", "site-local"),
            new Blocked("ff00::/8", "multicast"));

    private final WebhookResolver resolver;
    private final boolean allowPrivate;
    private final List<AddressRange> allowed;

    @Inject
    public WebhookAddressPolicy(WebhookConfig config, WebhookResolver resolver) {
        this(resolver, config.allowPrivateAddresses(),
                config.allowedRanges().orElse(List.of()).stream().map(AddressRange::parse).toList());
    }

    WebhookAddressPolicy(WebhookResolver resolver, boolean allowPrivate, List<AddressRange> allowed) {
        this.resolver = resolver;
        this.allowPrivate = allowPrivate;
        this.allowed = List.copyOf(allowed);
    }

    /** Where a permitted target is to be called, or why it may not be. */
    public record Target(InetAddress address, String refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    /** Why the URL's host may not be called, or empty when it may. */
    public Optional<String> check(URI url) {
        return Optional.ofNullable(resolve(url).refusal());
    }

    /**
     * Resolves the URL's host once and checks every address it has: the address to connect to
     * (the first), or the reason for refusing them all.
     */
    public Target resolve(URI url) {
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            return new Target(null, "the URL has no host");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new Target(null, "host '" + host + "' cannot be resolved");
        } catch (SecurityException e) {
            return new Target(null, "host '" + host + "' may not be resolved");
        }
        if (addresses.isEmpty()) {
            return new Target(null, "host '" + host + "' cannot be resolved");
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = internalKind(address);
            if (kind.isPresent() && !permitted(address)) {
                return new Target(null, "host '" + host + "' resolves to " + address.getHostAddress()
                        + ", an internal address (" + kind.get() + "); an operator may allow such targets with "
                        + "ALERTWIRE_WEBHOOK_ALLOWED_RANGES or ALERTWIRE_WEBHOOK_ALLOW_PRIVATE_ADDRESSES");
            }
        }
        return new Target(addresses.get(0), null);
    }

    private boolean permitted(InetAddress address) {
        return allowPrivate || allowed.stream().anyMatch(r -> r.contains(address));
    }

    /** Whether an address belongs to a network a public webhook target never lives in. */
    static boolean isInternal(InetAddress address) {
        return internalKind(address).isPresent();
    }

    /** The kind of internal network the address belongs to, or empty for a public address. */
    static Optional<String> internalKind(InetAddress address) {
        for (Blocked blocked : BLOCKED) {
            if (blocked.range().contains(address)) {
                return Optional.of(blocked.kind());
            }
        }
        return embeddedIpv4(address.getAddress()).flatMap(WebhookAddressPolicy::internalKind);
    }

    /** The IPv4 address an IPv6 one carries: mapped, compatible (::/96), NAT64 (64:ff9b::/96) or 6to4 (2002::/16). */
    private static Optional<InetAddress> embeddedIpv4(byte[] b) {
        if (b.length != 16) {
            return Optional.empty();
        }
        byte[] v4;
        if (zero(b, 0, 10) && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && zero(b, 4, 12)) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            v4 = new byte[] {b[2], b[3], b[4], b[5]};
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private record Blocked(AddressRange range, String kind) {

        Blocked(String cidr, String kind) {
            this(AddressRange.parse(cidr), kind);
        }
    }
}
