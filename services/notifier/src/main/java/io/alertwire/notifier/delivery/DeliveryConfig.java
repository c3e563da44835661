package io.alertwire.notifier.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** How the delivery worker drains the queue. */
@ConfigMapping(prefix = "alertwire.notifier")
public interface DeliveryConfig {

    /**
     * The longest the worker sleeps before it looks for due deliveries again
     * (ALERTWIRE_NOTIFIER_DELIVERY_TICK). It wakes earlier when a delivery of its own falls due
     * or a match creates one; the tick bounds how late it sees rows another replica created or an
     * admin made due.
     */
    @WithDefault("1s")
    Duration deliveryTick();

    /**
     * How often the digest job looks for due hourly and daily digests
     * (ALERTWIRE_NOTIFIER_DIGEST_TICK): a digest goes out at most this long after its time.
     */
    @WithDefault("15s")
    Duration digestTick();

    /**
     * How long a new delivery waits before it is due, so that the matches of the same story for
     * the subscription's other topics join it and one alert names them all.
     */
    @WithDefault("2s")
    Duration gatherWindow();

    /**
     * How long a claimed delivery stays invisible to other workers while it is being sent; longer
     * than any send (webhook timeout, SMTP), or a slow send could be claimed twice.
     */
    @WithDefault("2m")
    Duration lease();

    /**
     * The most deliveries the worker claims, sends and records at once (one claiming and one
     * recording transaction per batch), and the most digests one digest round claims.
     */
    @WithDefault("100")
    int batchSize();

    /**
     * How many alerts of a batch are sent at the same time (ALERTWIRE_NOTIFIER_SEND_CONCURRENCY):
     * webhook calls and SMTP sessions in flight.
     */
    @WithDefault("16")
    int sendConcurrency();

    /**
     * The wait before each retry after a failed attempt; once they are used up the delivery is
     * failed. Each wait gets ±20% jitter so that a recovering receiver is not hit by a wave.
     */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /**
     * The most instant alerts one target (a webhook URL, an email address) gets per
     * {@link #rateWindow()} (ALERTWIRE_NOTIFIER_RATE_LIMIT); those beyond it are held and sent together
     * as one catch-up digest at the end of the window, never dropped.
     */
    @WithDefault("30")
    int rateLimit();

    /** The window of {@link #rateLimit()} (ALERTWIRE_NOTIFIER_RATE_WINDOW); windows are clock-aligned. */
    @WithDefault("1h")
    Duration rateWindow();

    /**
     * How long an endpoint (a webhook URL, or a mail address the SMTP server refuses) may fail every
     * attempt, with no success in between, before its subscription is disabled and its owner told
     * (ALERTWIRE_NOTIFIER_DISABLE_AFTER).
     */
    @WithDefault("5d")
    Duration disableAfter();
}
