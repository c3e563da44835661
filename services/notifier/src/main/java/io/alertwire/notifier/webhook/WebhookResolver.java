package io.alertwire.notifier.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a webhook host into its addresses (the system resolver). A bean of its own so that a test
 * can answer like a DNS server that changes its mind between two lookups (DNS rebinding).
 */
@ApplicationScoped
public class WebhookResolver {

    /** Every address of {@code host}; a literal address is returned as it is, without a lookup. */
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
