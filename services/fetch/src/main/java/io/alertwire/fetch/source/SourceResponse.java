package io.alertwire.fetch.source;

import java.time.Instant;

/**
 * A source as the API shows it. The id is a string so that clients never do arithmetic on it and
 * JavaScript never rounds it; the poll intervals are ISO-8601 durations: {@code pollInterval} is the
 * one the user chose (or the default), {@code currentPollInterval} the one in use now, adapted to
 * how often the source brings new articles.
 */
public record SourceResponse(
        String id,
        String url,
        String name,
        String kind,
        String pollInterval,
        String currentPollInterval,
        boolean enabled,
        boolean fullText,
        Integer lastStatus,
        String lastError,
        int consecutiveFailures,
        Instant lastFetchedAt,
        Instant nextFetchAt,
        Instant createdAt) {

    static SourceResponse of(Source source) {
        return new SourceResponse(String.valueOf(source.getId()), source.getUrl(), source.getName(),
                source.getKind(), source.pollInterval().toString(), source.currentInterval().toString(),
                source.isEnabled(), source.isFullText(), source.getLastStatus(), source.getLastError(),
                source.getConsecutiveFailures(),
                source.getLastFetchedAt(), source.getNextFetchAt(), source.getCreatedAt());
    }
}
