package io.alertwire.notifier.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How webhooks are sent. */
@ConfigMapping(prefix = "alertwire.webhook")
public interface WebhookConfig {

    /**
     * Whether webhook targets may resolve to loopback, private, link-local (cloud metadata),
     * shared (CGNAT), multicast or unique-local addresses. Off in production so that a subscription
     * cannot make the notifier probe its own network; the local stack and tests turn it on
     * (ALERTWIRE_WEBHOOK_ALLOW_PRIVATE_ADDRESSES).
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /**
     * Internal address blocks webhook targets may nevertheless resolve to, in CIDR notation and
     * comma-separated, e.g. {@code 10.20.0.0/16,fd12:3456::/32} (ALERTWIRE_WEBHOOK_ALLOWED_RANGES):
     * a receiver inside the operator's network that subscriptions are meant to reach. Empty by
     * default. A value that is not an address range stops the service at start.
     */
    Optional<List<String>> allowedRanges();

    /** The longest one webhook call may take, connection included. */
    @WithDefault("15s")
    Duration timeout();

    /**
     * After a secret rotation, how long every webhook is signed with the old secret too, so that a
     * receiver can switch secrets without losing a call (ALERTWIRE_WEBHOOK_SECRET_OVERLAP).
     */
    @WithDefault("24h")
    Duration secretOverlap();
}
