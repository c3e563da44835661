package io.alertwire.notifier.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * How many instant alerts one target (a webhook URL, an email address) gets per window. Windows
 * are fixed slices of the timeline ({@code window} long, counted from the epoch, so an hour is a
 * clock hour), the same for every target: an alert beyond the limit waits for the end of its
 * window and goes out then in a catch-up digest with the others held back. Nothing is dropped, and
 * the next window starts with a clean count.
 */
record RateLimit(int limit, Duration window) {

    RateLimit {
        if (limit < 1) {
            throw new IllegalArgumentException("the rate limit must allow at least one alert per window");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the rate-limit window must be positive");
        }
    }

    Instant windowStart(Instant at) {
        long size = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), size) * size);
    }

    Instant windowEnd(Instant at) {
        return windowStart(at).plus(window);
    }
}
