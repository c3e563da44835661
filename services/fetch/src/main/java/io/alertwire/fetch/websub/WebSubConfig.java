package io.alertwire.fetch.websub;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** WebSub: subscribing to the hubs that feeds name, and receiving what they push. */
@ConfigMapping(prefix = "alertwire.fetch.websub")
public interface WebSubConfig {

    /**
     * The address at which hubs reach this service from the internet, e.g.
     * {@code https://fetch.alertwire.example}; callbacks are {@code <this>/websub/{sourceId}}. Without
     * it the service subscribes to no hub (a hub could not call back) and polls every source.
     * Environment: {@code ALERTWIRE_FETCH_WEBSUB_PUBLIC_BASE_URL}.
     */
    Optional<String> publicBaseUrl();

    /** The lease asked of hubs ({@code hub.lease_seconds}); hubs may grant another. */
    @WithDefault("P10D")
    Duration leaseDuration();

    /**
     * How long before a lease ends it is renewed (at most half the lease, so short leases are
     * renewed in time too).
     */
    @WithDefault("PT12H")
    Duration renewBefore();

    /**
     * Poll interval of a source while a hub pushes its news: a safety net in case the hub misses an
     * update, longer than the adaptive interval (which it replaces when longer).
     */
    @WithDefault("PT6H")
    Duration pollIntervalWhileSubscribed();

    /**
     * How long a hub has to verify a subscription request before it counts as failed (the source
     * is polled normally meanwhile anyway).
     */
    @WithDefault("PT10M")
    Duration verifyTimeout();

    /** Wait before asking a hub again after it failed or denied a subscription. */
    @WithDefault("PT6H")
    Duration retryAfter();

    /** How often due subscriptions and renewals are sent to hubs. */
    @WithDefault("30s")
    Duration tick();

    /** Largest pushed body accepted at {@code POST /websub/{sourceId}}, in bytes; larger ones get 413. */
    @WithDefault("2097152")
    int maxPushBytes();
}
