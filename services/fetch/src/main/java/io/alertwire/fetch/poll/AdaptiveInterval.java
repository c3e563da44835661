package io.alertwire.fetch.poll;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before fetching a source again, learnt from what its fetches found.
 *
 * <p>The aim is about one new article per fetch. A fetch that found {@code n} new articles
 * {@code elapsed} after the previous one saw one article every {@code elapsed / n}; the interval
 * moves halfway towards that gap (never up: finding articles never makes a source slower). A fetch
 * that found nothing (304, or only known articles) lengthens the interval by half. So a busy source
 * is polled sooner within a few fetches, and a quiet one drifts to the maximum and back down as soon
 * as it publishes again. The source's own {@code pollInterval} is where it starts (and where an
 * edit of it restarts); the bounds are the configured minimum and maximum, widened to include that
 * {@code pollInterval} when the user chose one outside them. Server hints (Cache-Control, Expires,
 * RSS ttl, Retry-After) are applied afterwards and win when they ask for longer.
 */
@ApplicationScoped
public class AdaptiveInterval {

    private static final double QUIET_GROWTH = 1.5;

    private final Duration min;
    private final Duration max;
    private final boolean adaptive;
    private final double jitter;

    @Inject
    public AdaptiveInterval(IntervalConfig config) {
        this(config.minPollInterval(), config.maxPollInterval(), config.adaptivePollInterval(), config.pollJitter());
    }

    AdaptiveInterval(Duration min, Duration max, boolean adaptive, double jitter) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("the poll interval bounds must satisfy 0 < min <= max, not "
                    + min + " and " + max);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("poll jitter must be in [0, 1), not " + jitter);
        }
        this.min = min;
        this.max = max;
        this.adaptive = adaptive;
        this.jitter = jitter;
    }

    /**
     * The interval after a successful fetch.
     *
     * @param current the interval used until now
     * @param base the source's own poll interval
     * @param elapsed time since the previous fetch, or null for a first fetch (which finds a whole
     *        backlog and says nothing about the rate)
     * @param newArticles how many articles the fetch found that no source had brought before
     */
    public Duration next(Duration current, Duration base, Duration elapsed, int newArticles) {
        if (!adaptive) {
            return base;
        }
        if (elapsed == null || elapsed.isNegative()) {
            return bound(current, base);
        }
        if (newArticles <= 0) {
            return bound(Duration.ofMillis((long) (current.toMillis() * QUIET_GROWTH)), base);
        }
        Duration gap = elapsed.dividedBy(newArticles);
        Duration halfway = current.plus(gap).dividedBy(2);
        return bound(halfway.compareTo(current) < 0 ? halfway : current, base);
    }

    /** The interval moved earlier or later by up to the configured jitter. */
    public Duration jittered(Duration interval) {
        return jittered(interval, ThreadLocalRandom.current().nextDouble());
    }

    /** @param random uniform in [0, 1): 0 is the earliest, 0.5 the interval itself */
    Duration jittered(Duration interval, double random) {
        double factor = 1 + jitter * (2 * random - 1);
        return Duration.ofMillis(Math.round(interval.toMillis() * factor));
    }

    /** Within [min, max] widened to include the source's own interval; whole seconds, as stored. */
    private Duration bound(Duration interval, Duration base) {
        Duration low = base.compareTo(min) < 0 ? base : min;
        Duration high = base.compareTo(max) > 0 ? base : max;
        Duration bounded = interval.compareTo(low) < 0 ? low : interval.compareTo(high) > 0 ? high : interval;
        return Duration.ofSeconds(bounded.toSeconds());
    }
}
