package io.alertwire.fetch.source;

import java.time.Duration;
import java.time.Instant;

/**
 * A fetch that got a feed or a 304, and the schedule that follows from it: last error and failures
 * are cleared.
 *
 * @param interval the interval from now on, whole seconds within a day (see {@link Source#success})
 * @param nextFetchAt when the source is due again
 */
public record FetchSuccess(long sourceId, int status, Instant fetchedAt, Duration interval, Instant nextFetchAt) {
}
