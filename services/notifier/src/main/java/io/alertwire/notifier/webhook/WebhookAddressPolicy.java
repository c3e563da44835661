package io.alertwire.notifier.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Refuses webhook targets inside the operator's own network (SSRF): a host that resolves to a
 * loopback, private, link-local (which includes the cloud metadata address 169.254.169.254),
 * shared CGNAT (100.64.0.0/10), unspecified, multicast or IPv6 unique-local address.
 *
 * <p>It is applied when a subscription is created and again before every send, since DNS may
 * change in between. (A resolver that answers differently within the same second can still slip
 * through; pinning the checked address in the HTTP client would close that, later.)
 */
@ApplicationScoped
public class WebhookAddressPolicy {

    private final boolean allowPrivate;

    @Inject
    public WebhookAddressPolicy(WebhookConfig config) {
        this(config.allowPrivateAddresses());
    }

    WebhookAddressPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL's host may not be called, or empty when it may. */
    public Optional<String> check(URI url) {
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("the URL has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("host '" + host + "' cannot be resolved");
        } catch (SecurityException e) {
            return Optional.of("host '" + host + "' may not be resolved");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return Optional.of("host '" + host + "' resolves to " + address.getHostAddress()
                        + ", an internal address (loopback, private, link-local or similar); "
                        + "an operator may allow such targets with ALERTWIRE_WEBHOOK_ALLOW_PRIVATE_ADDRESSES");
            }
        }
        return Optional.empty();
    }

    /** Whether an address belongs to a network a public webhook target never lives in. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && (second & 0xc0) == 64) // shared address space (CGNAT) 100.64.0.0/10
                    || (first == 255 && second == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return true;
            }
            if (isIpv4Embedded(b)) { // ::ffff:a.b.c.d and ::a.b.c.d carry an IPv4 target
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isIpv4Embedded(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff);
    }
}
