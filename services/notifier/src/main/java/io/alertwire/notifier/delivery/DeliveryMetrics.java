package io.alertwire.notifier.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts send attempts as {@code alertwire_notifier_deliveries_total{channel, kind, outcome}}, and
 * times instant alerts from match to send as {@code alertwire_notifier_alert_latency_seconds{channel}}
 * (a histogram with buckets, for {@code histogram_quantile}): the delivery-failure alert and the
 * dashboard of the Kubernetes deployment are built on them.
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

    /**
     * An instant alert was sent {@code latency} after its article was fetched (the match's
     * {@code alertwire-fetched-at} header; without it, when the match was published); the first
     * attempt's wait for the gather window and any retries count.
     *
     * @param channel {@code email} or {@code webhook}
     */
    public void alertLatency(String channel, Duration latency) {
        Timer.builder("alertwire.notifier.alert.latency")
                .description("Time from a match event to the successful send of its instant alert")
                .tag("channel", channel)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry)
                .record(latency.isNegative() ? Duration.ZERO : latency);
    }
}
