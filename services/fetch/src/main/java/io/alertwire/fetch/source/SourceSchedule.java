package io.alertwire.fetch.source;

import java.time.Duration;
import java.time.Instant;

/**
 * What scheduling a source's next fetch depends on, as stored.
 *
 * @param currentInterval the interval in use now (adapted, see poll.AdaptiveInterval)
 * @param pollInterval the interval the user chose
 * @param lastFetchedAt the previous fetch, or null before the first
 */
public record SourceSchedule(long id, Duration currentInterval, Duration pollInterval, Instant lastFetchedAt) {
}
