package io.alertwire.notifier.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts send attempts as {@code alertwire_notifier_deliveries_total{channel, kind, outcome}}: the
 * delivery-failure alert and dashboard of the Kubernetes deployment are built on it.
 */
@ApplicationScoped
public class DeliveryMetrics {

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param channel {@code email} or {@code webhook}
     * @param kind {@code alert} or {@code digest}
     */
    public void attempted(String channel, String kind, SendOutcome outcome) {
        Counter.builder("alertwire.notifier.deliveries")
                .description("Send attempts of alerts and digests, by channel and outcome")
                .tag("channel", channel)
                .tag("kind", kind)
                .tag("outcome", outcome.success() ? "sent" : "failed")
                .register(registry)
                .increment();
    }
}
