package io.alertwire.classifier.article;

import java.time.Duration;

/** Waits that double from a first to a longest one: how failing work is retried without hammering. */
final class Backoff {

    private final Duration longest;
    private Duration next;

    Backoff(Duration first, Duration longest) {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < first <= longest");
        }
        this.longest = longest;
        this.next = first;
    }

    /** The wait before the next attempt; each call doubles it, up to the longest. */
    Duration next() {
        Duration wait = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(longest) > 0 ? longest : doubled;
        return wait;
    }
}
