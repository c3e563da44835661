package io.alertwire.notifier.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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

    /** The longest one webhook call may take, connection included. */
    @WithDefault("15s")
    Duration timeout();
}
